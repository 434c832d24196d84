<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/period.xsl — one important period on one day: how many units
  reported, the units that did not (or did, or all), and the form to report
  today's all clear or incident.
  data @conflict?: <period id starts ends current created created-by><name/><remark/></period>,
        <day date today show prev? next? units reported/>,
        <units count next?><unit id code report? incident-id? reported? by?><name/><remark/>?</unit>…</units>,
        <mine><unit …/></mine>? (the account's unit, or the unit just reported for),
        <can action="report"/>?, <incidents><incident id started taxonomy category/>…</incidents>?,
        <form>…</form> (report_unit report incident_id remark nonce)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="p" select="/page/data/period"/>
  <xsl:variable name="d" select="/page/data/day"/>

  <xsl:template name="title">
    <xsl:value-of select="$p/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="incperiod.list_title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="concat('/incidents/periods/', $p/@id)"/>
    <xsl:variable name="mine" select="mine/unit"/>
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'periods'"/></xsl:call-template>
    <h1>
      <xsl:value-of select="$p/name"/>
      <span class="sub"><xsl:value-of select="$p/@starts"/> – <xsl:value-of select="$p/@ends"/></span>
    </h1>
    <xsl:if test="string($p/remark)"><p class="multi"><xsl:value-of select="$p/remark"/></p></xsl:if>

    <xsl:if test="@conflict = '1'">
      <section class="conflict">
        <h2><t:s key="incperiod.already_title"/></h2>
        <p><t:s key="incperiod.already"/></p>
      </section>
    </xsl:if>
    <xsl:if test="$mine">
      <p>
        <xsl:choose>
          <xsl:when test="$mine/@report">
            <xsl:attribute name="class">notice ok</xsl:attribute>
            <t:s key="incperiod.mine_done">
              <t:arg name="unit"><xsl:value-of select="$mine/name"/></t:arg>
              <t:arg name="report"><t:label set="increport" select="$mine/@report"/></t:arg>
              <t:arg name="at"><xsl:call-template name="time"><xsl:with-param name="t" select="$mine/@reported"/></xsl:call-template></t:arg>
              <t:arg name="by"><xsl:value-of select="$mine/@by"/></t:arg>
            </t:s>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="class">notice warn</xsl:attribute>
            <t:s key="incperiod.mine_missing"><t:arg name="unit"><xsl:value-of select="$mine/name"/></t:arg></t:s>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>

    <xsl:if test="can[@action = 'report'] and not($mine/@report)">
      <form class="step" method="post" action="{$base}/report" novalidate="novalidate">
        <h3><t:s key="incperiod.report_today"><t:arg name="day"><xsl:value-of select="$d/@date"/></t:arg></t:s></h3>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
        <xsl:if test="$role = 'office'">
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'report_unit'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint"><t:s key="incperiod.hint_unit"/></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="select-row">
          <xsl:with-param name="name" select="'report'"/>
          <xsl:with-param name="set" select="'increport'"/>
          <xsl:with-param name="codes" select="'clear incident'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:if test="incidents/incident">
          <xsl:variable name="sel" select="string($form/field[@name = 'incident_id'])"/>
          <div class="field">
            <label for="f-incident_id"><t:s key="field.incident_id"/></label>
            <div class="input">
              <select id="f-incident_id" name="incident_id">
                <option value=""><t:s key="w.choose"/></option>
                <xsl:for-each select="incidents/incident">
                  <option value="{@id}">
                    <xsl:if test="@id = $sel"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:text>#</xsl:text><xsl:value-of select="@id"/><xsl:text> · </xsl:text>
                    <xsl:call-template name="time"><xsl:with-param name="t" select="@started"/></xsl:call-template>
                    <xsl:text> · </xsl:text>
                    <xsl:call-template name="category">
                      <xsl:with-param name="tax" select="@taxonomy"/>
                      <xsl:with-param name="code" select="@category"/>
                    </xsl:call-template>
                  </option>
                </xsl:for-each>
              </select>
            </div>
          </div>
        </xsl:if>
        <xsl:if test="$role = 'office' or (not(incidents/incident) and string($form/field[@name = 'incident_id']/@error))">
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'incident_id'"/></xsl:call-template>
        </xsl:if>
        <xsl:call-template name="area-row"><xsl:with-param name="name" select="'remark'"/><xsl:with-param name="rows" select="2"/></xsl:call-template>
        <p class="formbuttons"><button type="submit"><t:s key="incperiod.report"/></button></p>
      </form>
    </xsl:if>

    <h2>
      <t:s key="incperiod.day"><t:arg name="day"><xsl:value-of select="$d/@date"/></t:arg></t:s>
      <span class="sub">
        <t:s key="incperiod.counts">
          <t:arg name="reported"><xsl:value-of select="$d/@reported"/></t:arg>
          <t:arg name="units"><xsl:value-of select="$d/@units"/></t:arg>
          <t:arg name="missing"><xsl:value-of select="$d/@units - $d/@reported"/></t:arg>
        </t:s>
      </span>
    </h2>
    <p class="actions">
      <xsl:if test="$d/@prev">
        <a href="{$base}?day={$d/@prev}&amp;show={$d/@show}"><t:s key="incperiod.prev"/></a>
      </xsl:if>
      <xsl:if test="$d/@next">
        <a href="{$base}?day={$d/@next}&amp;show={$d/@show}"><t:s key="incperiod.next"/></a>
      </xsl:if>
      <a href="{$base}?day={$d/@date}&amp;show=missing">
        <xsl:if test="$d/@show = 'missing'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:label set="incshow" select="'missing'"/>
      </a>
      <a href="{$base}?day={$d/@date}&amp;show=reported">
        <xsl:if test="$d/@show = 'reported'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:label set="incshow" select="'reported'"/>
      </a>
      <a href="{$base}?day={$d/@date}&amp;show=all">
        <xsl:if test="$d/@show = 'all'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:label set="incshow" select="'all'"/>
      </a>
    </p>
    <xsl:choose>
      <xsl:when test="units/unit">
        <div class="tablewrap">
          <table class="units">
            <thead>
              <tr>
                <th scope="col"><t:s key="list.col_code"/></th>
                <th scope="col"><t:s key="list.col_name"/></th>
                <th scope="col"><t:s key="field.report"/></th>
                <th scope="col"><t:s key="incperiod.col_at"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="units/unit">
                <tr>
                  <xsl:if test="not(@report)"><xsl:attribute name="class">missing-row</xsl:attribute></xsl:if>
                  <td class="code"><xsl:value-of select="@code"/></td>
                  <td><xsl:value-of select="name"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@report">
                        <t:label set="increport" select="@report"/>
                        <xsl:if test="@incident-id">
                          <xsl:text> </xsl:text><a href="/incidents/{@incident-id}">#<xsl:value-of select="@incident-id"/></a>
                        </xsl:if>
                        <xsl:if test="string(remark)"><small class="dates"><xsl:value-of select="remark"/></small></xsl:if>
                      </xsl:when>
                      <xsl:otherwise><span class="chip chip-bad"><t:s key="incperiod.not_reported"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="num">
                    <xsl:call-template name="time"><xsl:with-param name="t" select="@reported"/></xsl:call-template>
                    <xsl:if test="@by"><small class="dates"><xsl:value-of select="@by"/></small></xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="incperiod.none"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="pager">
      <xsl:with-param name="next">
        <xsl:if test="string(units/@next)">
          <xsl:value-of select="concat($base, '?day=', $d/@date, '&amp;show=', $d/@show, '&amp;after=', units/@next)"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
