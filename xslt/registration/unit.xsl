<?xml version="1.0" encoding="UTF-8"?>
<!--
  registration/unit.xsl — one unit: the current holder of each enabled role,
  the history grouped by role (or, with ?on=DATE, who held each role that
  day), links to change a role and to the print view.
  data @can-edit: <unit id code kind><name/><name-zh/></unit>, <roles …/>,
        <current><holder id role version late><name/><title/><office-phone/>
          <mobile/><email/><effective/><reported/><deadline/><by/></holder>…</current>,
        <history on?><holder …><ended/>?</holder>…</history>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../widgets.xsl"/>

  <xsl:template name="title">
    <xsl:value-of select="/page/data/unit/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="unit.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="u" select="unit"/>
    <xsl:variable name="edit" select="@can-edit = '1'"/>
    <xsl:variable name="cur" select="current/holder"/>
    <xsl:variable name="hist" select="history/holder"/>

    <p class="crumbs small"><a href="{$base}"><t:s key="unit.back_list"/></a></p>
    <h1>
      <xsl:call-template name="unit-label">
        <xsl:with-param name="name" select="$u/name"/>
        <xsl:with-param name="code" select="$u/@code"/>
      </xsl:call-template>
      <span class="sub">
        <t:label set="kind" select="$u/@kind"/>
      </span>
    </h1>
    <xsl:if test="/page/@lang = 'en' and string($u/name-zh) and $u/name-zh != $u/name">
      <p class="muted" lang="zh-CN"><xsl:value-of select="$u/name-zh"/></p>
    </xsl:if>

    <p class="actions">
      <a class="button secondary" href="{$base}{$u/@id}/print"><t:s key="unit.print"/></a>
    </p>

    <h2><t:s key="unit.current"/></h2>
    <div class="tablewrap">
      <table class="current">
        <thead>
          <tr>
            <th scope="col"><t:s key="unit.col_role"/></th>
            <th scope="col"><t:s key="field.name"/></th>
            <th scope="col"><t:s key="field.title"/></th>
            <th scope="col"><t:s key="field.office_phone"/></th>
            <th scope="col"><t:s key="field.mobile"/></th>
            <th scope="col"><t:s key="field.email"/></th>
            <th scope="col"><t:s key="unit.col_from"/></th>
            <th scope="col"><t:s key="unit.col_status"/></th>
            <xsl:if test="$edit">
              <th scope="col"><span class="vh"><t:s key="unit.col_action"/></span></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="roles/role">
            <xsl:variable name="h" select="$cur[@role = current()/@code]"/>
            <tr>
              <th scope="row"><t:label set="role" select="@code"/></th>
              <xsl:choose>
                <xsl:when test="$h">
                  <td><xsl:value-of select="$h/name"/></td>
                  <td><xsl:value-of select="$h/title"/></td>
                  <td class="num"><xsl:value-of select="$h/office-phone"/></td>
                  <td class="num"><xsl:value-of select="$h/mobile"/></td>
                  <td><xsl:value-of select="$h/email"/></td>
                  <td class="num"><xsl:value-of select="$h/effective"/></td>
                  <td><xsl:apply-templates select="$h" mode="status"/></td>
                </xsl:when>
                <xsl:when test="@required = '1'">
                  <td colspan="7"><span class="chip chip-bad"><t:s key="unit.missing"/></span></td>
                </xsl:when>
                <!-- optional on this site (registration.required_roles): not a gap -->
                <xsl:otherwise>
                  <td colspan="7"><span class="muted notset"><t:s key="unit.not_set"/></span></td>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="$edit">
                <td>
                  <a href="{$base}{$u/@id}/change?role={@code}">
                    <xsl:choose>
                      <xsl:when test="$h"><t:s key="unit.change"/></xsl:when>
                      <xsl:otherwise><t:s key="unit.register"/></xsl:otherwise>
                    </xsl:choose>
                  </a>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <p class="small muted">
      <xsl:choose><xsl:when test="roles/@report-unit = 'days'"><t:s key="unit.deadline_rule_days"><t:arg name="days"><xsl:value-of select="roles/@report-days"/></t:arg></t:s></xsl:when><xsl:otherwise><t:s key="unit.deadline_rule"><t:arg name="days"><xsl:value-of select="roles/@report-days"/></t:arg></t:s></xsl:otherwise></xsl:choose>
    </p>

    <h2>
      <xsl:choose>
        <xsl:when test="string(history/@on)">
          <t:s key="unit.on_title"><t:arg name="date"><xsl:value-of select="history/@on"/></t:arg></t:s>
        </xsl:when>
        <xsl:otherwise><t:s key="unit.history"/></xsl:otherwise>
      </xsl:choose>
    </h2>

    <xsl:variable name="onerr" select="/page/messages/msg[@field = 'on']"/>
    <form class="inline" method="get" action="{$base}{$u/@id}">
      <label for="f-on"><t:s key="unit.on_label"/></label>
      <input type="date" id="f-on" name="on" value="{history/@on}">
        <xsl:if test="$onerr">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">e-on</xsl:attribute>
        </xsl:if>
      </input>
      <button type="submit"><t:s key="unit.on_submit"/></button>
      <xsl:if test="string(history/@on) or $onerr">
        <a href="{$base}{$u/@id}"><t:s key="unit.on_all"/></a>
      </xsl:if>
      <xsl:if test="$onerr">
        <span class="ferr" id="e-on"><t:label set="msg" select="$onerr/@code"/></span>
      </xsl:if>
    </form>

    <xsl:if test="not($onerr)">
      <xsl:for-each select="roles/role">
        <xsl:variable name="rows" select="$hist[@role = current()/@code]"/>
        <h3><t:label set="role" select="@code"/></h3>
        <xsl:choose>
          <xsl:when test="$rows">
            <div class="tablewrap">
              <table class="history">
                <thead>
                  <tr>
                    <th scope="col"><t:s key="field.name"/></th>
                    <th scope="col"><t:s key="field.title"/></th>
                    <th scope="col"><t:s key="unit.col_from"/></th>
                    <th scope="col"><t:s key="unit.col_to"/></th>
                    <th scope="col"><t:s key="unit.col_reported"/></th>
                    <th scope="col"><t:s key="unit.col_deadline"/></th>
                    <th scope="col"><t:s key="unit.col_status"/></th>
                    <th scope="col"><t:s key="unit.col_by"/></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="$rows">
                    <tr id="h-{@id}">
                      <td><xsl:value-of select="name"/></td>
                      <td><xsl:value-of select="title"/></td>
                      <td class="num"><xsl:value-of select="effective"/></td>
                      <td class="num">
                        <xsl:choose>
                          <xsl:when test="string(ended)"><xsl:value-of select="ended"/></xsl:when>
                          <xsl:otherwise><t:s key="unit.present"/></xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td class="num"><xsl:value-of select="substring(reported, 1, 16)"/></td>
                      <td class="num"><xsl:value-of select="deadline"/></td>
                      <td><xsl:apply-templates select="." mode="status"/></td>
                      <td class="small"><xsl:value-of select="by"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="muted">
              <xsl:choose>
                <xsl:when test="string(../../history/@on)"><t:s key="unit.on_none"/></xsl:when>
                <xsl:otherwise><t:s key="unit.history_none"/></xsl:otherwise>
              </xsl:choose>
            </p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- Reported on time, or late (after the deadline) in red. -->
  <xsl:template match="holder" mode="status">
    <xsl:choose>
      <xsl:when test="@late = '1'">
        <span class="late">
          <xsl:attribute name="title">
            <t:s key="unit.late_title"><t:arg name="deadline"><xsl:value-of select="deadline"/></t:arg></t:s>
          </xsl:attribute>
          <t:s key="unit.late"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="chip chip-ok"><t:s key="unit.ontime"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:text>
.crumbs{margin:0}
table.current th[scope=row]{white-space:nowrap;background:var(--bg)}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
