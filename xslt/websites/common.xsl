<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/common.xsl — what the website views share: field labels (set wfield), the sets' words. Not a view. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="../widgets.xsl"/>
  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="wfield" select="$name"/>
  </xsl:template>
  <!-- The widgets' hook: the words of the states, server locations and build methods. -->
  <xsl:template name="option-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$set = 'wstate'"><t:label set="wstate" select="$code"/></xsl:when>
      <xsl:when test="$set = 'wloc'"><t:label set="wloc" select="$code"/></xsl:when>
      <xsl:when test="$set = 'wbuild'"><t:label set="wbuild" select="$code"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- The unit head, the site's security officer by art. 25: from registration, never typed. -->
  <xsl:template match="officer">
    <xsl:value-of select="@name"/><xsl:if test="string(@title)">（<xsl:value-of select="@title"/>）</xsl:if>
    <xsl:if test="string(@phone)"><xsl:text> </xsl:text><xsl:value-of select="@phone"/></xsl:if>
    <xsl:if test="string(@mobile)"><xsl:text> </xsl:text><xsl:value-of select="@mobile"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
