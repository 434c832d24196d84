<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/periods.xsl — the important periods (重要时期) the office has
  declared, the latest first; each day of one every unit reports.
  data: <periods count next?><period id starts ends current><name/><remark/></period>…</periods>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="incperiod.list_title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'periods'"/></xsl:call-template>
    <h1><t:s key="incperiod.list_title"/></h1>
    <p class="muted"><t:s key="incperiod.intro"/></p>
    <xsl:if test="$role = 'office'">
      <p class="actions"><a class="button" href="/incidents/periods/new"><t:s key="incperiod.new"/></a></p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="periods/period">
        <div class="tablewrap">
          <table>
            <thead>
              <tr>
                <th scope="col"><t:s key="field.period_name"/></th>
                <th scope="col"><t:s key="field.starts"/></th>
                <th scope="col"><t:s key="field.ends"/></th>
                <th scope="col"><t:s key="field.remark"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="periods/period">
                <tr>
                  <td>
                    <a href="/incidents/periods/{@id}"><xsl:value-of select="name"/></a>
                    <xsl:if test="@current = '1'"><small class="dates"><t:s key="incperiod.current"/></small></xsl:if>
                  </td>
                  <td class="num"><xsl:value-of select="@starts"/></td>
                  <td class="num"><xsl:value-of select="@ends"/></td>
                  <td><xsl:value-of select="remark"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="incperiod.empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="pager">
      <xsl:with-param name="next">
        <xsl:if test="string(periods/@next)"><xsl:value-of select="concat('/incidents/periods?before=', periods/@next)"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
