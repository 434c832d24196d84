<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/check-overdue.xsl — open findings past fix-by, oldest first (list.c ?overdue=1):
     <findings next? next-at? count unit?><finding id site unit-code domain severity fix-by><unit/><description/></finding>…</findings>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="wcheck.overdue_list"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="wcheck.overdue_list"/></h1>
    <p class="lists"><a href="/websites/"><t:s key="web.title"/></a></p>
    <xsl:choose>
      <xsl:when test="findings/finding">
        <div class="tablewrap">
          <table class="findings">
            <thead><tr>
              <th scope="col"><t:s key="wcheck.fix_by"/></th><th scope="col"><t:s key="web.unit"/></th>
              <th scope="col"><t:s key="wfield.domain"/></th><th scope="col"><t:s key="wcheck.severity"/></th>
              <th scope="col"><t:s key="wcheck.description"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="findings/finding">
                <tr>
                  <td><xsl:value-of select="@fix-by"/></td>
                  <td><xsl:value-of select="unit"/></td>
                  <td class="code"><a href="/websites/{@site}"><xsl:value-of select="@domain"/></a></td>
                  <td><t:label set="wsev" select="@severity"/></td>
                  <td><xsl:value-of select="description"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="next">
            <xsl:if test="findings/@next">/websites/?overdue=1&amp;at=<xsl:value-of select="findings/@next-at"/>&amp;after=<xsl:value-of select="findings/@next"/><xsl:if test="findings/@unit">&amp;unit=<xsl:value-of select="findings/@unit"/></xsl:if></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="count" select="findings/@count"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="wcheck.overdue_none"/></xsl:with-param></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
