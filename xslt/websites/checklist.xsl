<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/checklist.xsl — the security check's checklist (checklist.c):
     <checklist active max><item id code sort active version used><name/><name-en/></item>…</checklist>, <form> (add). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="wcheck.checklist"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="wcheck.checklist"/></h1>
    <p><t:s key="wcheck.checklist_hint"/></p>
    <div class="tablewrap">
      <table class="checklist">
        <thead><tr>
          <th scope="col"><t:s key="wfield.sort"/></th><th scope="col"><t:s key="wfield.name"/></th><th scope="col"><t:s key="wfield.name_en"/></th>
          <th scope="col"><t:s key="web.state"/></th><th scope="col"><t:s key="wcheck.used"/></th><th scope="col"></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="checklist/item">
            <tr class="item-{@code}">
              <td class="num"><xsl:value-of select="@sort"/></td>
              <td><xsl:value-of select="name"/></td>
              <td><xsl:value-of select="name-en"/></td>
              <td><xsl:choose><xsl:when test="@active = '1'"><t:s key="wcheck.active"/></xsl:when><xsl:otherwise><t:s key="wcheck.retired"/></xsl:otherwise></xsl:choose></td>
              <td class="num"><xsl:value-of select="@used"/></td>
              <td>
                <form method="post" action="/websites/checklist/{@id}">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="version" value="{@version}"/>
                  <xsl:choose>
                    <xsl:when test="@active = '1'"><button type="submit" name="action" value="retire"><t:s key="wcheck.retire"/></button></xsl:when>
                    <xsl:otherwise><button type="submit" name="action" value="restore"><t:s key="wcheck.restore"/></button></xsl:otherwise>
                  </xsl:choose>
                </form>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <h2><t:s key="wcheck.add"/></h2>
    <form method="post" action="/websites/checklist">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name_en'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sort'"/><xsl:with-param name="type" select="'number'"/></xsl:call-template>
      <p><button type="submit"><t:s key="web.save"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
