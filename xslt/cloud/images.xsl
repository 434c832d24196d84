<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/images.xsl — the OS image catalogue: <catalogue><image …/>…</catalogue>, <form> (add). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="cloud.images"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="cloud.images"/></h1>
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:variable name="edit" select="$r = 'center' or $r = 'office'"/>
    <div class="tablewrap">
      <table class="images">
        <thead><tr>
          <th scope="col"><t:s key="cfield.name"/></th><th scope="col"><t:s key="cfield.name_en"/></th>
          <th scope="col"><t:s key="cloud.state"/></th><th scope="col"><t:s key="cloud.image_used"/></th>
          <xsl:if test="$edit"><th scope="col"></th></xsl:if>
        </tr></thead>
        <tbody>
          <xsl:for-each select="catalogue/image">
            <tr>
              <td><xsl:value-of select="."/></td>
              <td><xsl:value-of select="@name-en"/></td>
              <td><xsl:choose><xsl:when test="@active = '1'"><t:s key="cloud.image_active"/></xsl:when><xsl:otherwise><t:s key="cloud.image_retired"/></xsl:otherwise></xsl:choose></td>
              <td class="num"><xsl:value-of select="@used"/></td>
              <xsl:if test="$edit">
                <td>
                  <form method="post" action="/cloud/images/{@id}">
                    <xsl:call-template name="csrf"/>
                    <input type="hidden" name="version" value="{@version}"/>
                    <xsl:choose>
                      <xsl:when test="@active = '1'"><button type="submit" name="action" value="retire"><t:s key="cloud.image_retire"/></button></xsl:when>
                      <xsl:otherwise><button type="submit" name="action" value="restore"><t:s key="cloud.image_restore"/></button></xsl:otherwise>
                    </xsl:choose>
                  </form>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:if test="$edit">
      <h2><t:s key="cloud.image_add"/></h2>
      <form method="post" action="/cloud/images">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name_en'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <p><button type="submit"><t:s key="cloud.save"/></button></p>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
