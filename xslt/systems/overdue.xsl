<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/overdue.xsl — the overdue list: systems whose next assessment (or
  CII yearly report) is past due, findings past their fix deadline, and the
  critical information infrastructure whose yearly report falls due by this
  year's date.
  data @list ("", systems or findings: one list continued alone):
        <systems next? next-due? count><system …/>…</systems> (as on the list page),
        <findings next? next-due? count><finding id system-id deadline assessed
          unit-code><text/><system/><unit/></finding>…</findings>,
        <cii due more?><system …/>…</cii> (first page only)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="overdue.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>
    <p class="crumbs small"><a href="{$base}"><t:s key="systems.title"/></a></p>
    <h1><t:s key="overdue.title"/></h1>
    <p class="muted">
      <t:s key="overdue.intro"/>
      <xsl:if test="$all != '1'">
        <xsl:text> </xsl:text>
        <t:s key="systems.own_unit"/>
      </xsl:if>
    </p>

    <xsl:if test="systems">
      <h2 id="systems"><t:s key="overdue.systems"/></h2>
      <xsl:choose>
        <xsl:when test="systems/system">
          <div class="tablewrap">
            <table class="systems">
              <thead>
                <tr>
                  <th scope="col"><t:s key="sysfield.name"/></th>
                  <th scope="col"><t:s key="sysfield.unit"/></th>
                  <th scope="col"><t:s key="systems.col_level"/></th>
                  <th scope="col"><t:s key="sysfield.status"/></th>
                  <th scope="col"><t:s key="overdue.col_due"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="systems/system">
                  <tr class="overdue">
                    <th scope="row"><a href="/systems/{@id}"><xsl:value-of select="name"/></a>
                      <xsl:if test="@cii = '1'">
                        <xsl:text> </xsl:text>
                        <abbr class="cii" t:title="sysfield.cii"><t:s key="sys.cii_short"/></abbr>
                      </xsl:if>
                    </th>
                    <td><xsl:value-of select="unit"/></td>
                    <td class="num"><t:label set="syslevel" select="@level"/></td>
                    <td class="num"><t:label set="sysstatus" select="@status"/></td>
                    <td class="num">
                      <xsl:call-template name="deadline">
                        <xsl:with-param name="due" select="@next-due"/>
                        <xsl:with-param name="overdue" select="true()"/>
                        <xsl:with-param name="note">
                          <xsl:choose>
                            <xsl:when test="@due-kind = 'cii'"><t:s key="sys.due_cii"/></xsl:when>
                            <xsl:otherwise><t:s key="sys.due_cycle"/></xsl:otherwise>
                          </xsl:choose>
                        </xsl:with-param>
                      </xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:if test="string(systems/@next)">
            <xsl:call-template name="pager">
              <xsl:with-param name="next"
                  select="concat($base, 'overdue?list=systems&amp;after_due=', systems/@next-due, '&amp;after=', systems/@next, '#systems')"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="empty">
            <xsl:with-param name="text"><t:s key="overdue.systems_none"/></xsl:with-param>
            <xsl:with-param name="tone" select="'ok'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>

    <xsl:if test="findings">
      <h2 id="findings"><t:s key="overdue.findings"/></h2>
      <xsl:choose>
        <xsl:when test="findings/finding">
          <div class="tablewrap">
            <table class="findings">
              <thead>
                <tr>
                  <th scope="col"><t:s key="system.col_finding"/></th>
                  <th scope="col"><t:s key="overdue.col_system"/></th>
                  <th scope="col"><t:s key="sysfield.unit"/></th>
                  <th scope="col"><t:s key="system.col_from"/></th>
                  <th scope="col"><t:s key="system.col_deadline"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="findings/finding">
                  <tr class="overdue">
                    <td class="multi"><xsl:value-of select="text"/></td>
                    <td><a href="/systems/{@system-id}#findings"><xsl:value-of select="system"/></a></td>
                    <td><xsl:value-of select="unit"/></td>
                    <td class="num"><xsl:value-of select="@assessed"/></td>
                    <td class="num">
                      <xsl:call-template name="deadline">
                        <xsl:with-param name="due" select="@deadline"/>
                        <xsl:with-param name="overdue" select="true()"/>
                      </xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:if test="string(findings/@next)">
            <xsl:call-template name="pager">
              <xsl:with-param name="next"
                  select="concat($base, 'overdue?list=findings&amp;after_due=', findings/@next-due, '&amp;after=', findings/@next, '#findings')"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="empty">
            <xsl:with-param name="text"><t:s key="overdue.findings_none"/></xsl:with-param>
            <xsl:with-param name="tone" select="'ok'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>

    <xsl:if test="cii">
      <h2 id="cii">
        <t:s key="overdue.cii"><t:arg name="date"><xsl:value-of select="cii/@due"/></t:arg></t:s>
      </h2>
      <p class="muted"><t:s key="overdue.cii_intro"/></p>
      <xsl:choose>
        <xsl:when test="cii/system">
          <ul class="cii">
            <xsl:for-each select="cii/system">
              <li>
                <a href="/systems/{@id}"><xsl:value-of select="name"/></a>
                <xsl:text> · </xsl:text>
                <xsl:value-of select="unit"/>
                <xsl:text> · </xsl:text>
                <t:s key="overdue.due_on"><t:arg name="date"><xsl:value-of select="@next-due"/></t:arg></t:s>
              </li>
            </xsl:for-each>
          </ul>
          <xsl:if test="cii/@more = '1'">
            <p class="muted"><t:s key="overdue.cii_more"/></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <p class="muted"><t:s key="overdue.cii_none"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>

    <xsl:if test="string(@list)">
      <p class="pager"><a href="{$base}overdue"><t:s key="overdue.back"/></a></p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="sys-css"/>
    <xsl:text>
table.systems tbody th{font-weight:400}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
