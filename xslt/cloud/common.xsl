<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/common.xsl — what the cloud views share: field labels (set cfield). Not a view. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="../widgets.xsl"/>
  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="cfield" select="$name"/>
  </xsl:template>
  <!-- The widgets' hook: the words of the request states (set cstate) in the list's filter. -->
  <xsl:template name="option-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$set = 'cstate'"><t:label set="cstate" select="$code"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
