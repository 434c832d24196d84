<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/common.xsl — what the cloud views share: field labels (set cfield). Not a view. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="../widgets.xsl"/>
  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="cfield" select="$name"/>
  </xsl:template>
</xsl:stylesheet>
