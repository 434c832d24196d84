<?xml version="1.0" encoding="UTF-8"?>
<!-- home/common.xsl — what the home views share: the widgets, and the links to each role's guide. Not a view. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="../widgets.xsl"/>
  <xsl:template name="guide-links">
    <nav class="lists guides">
      <t:s key="home.guides"/><t:s key="home.colon"/>
      <a href="/home/guide/unit_staff"><t:s key="acct.unit_staff"/></a><xsl:text> · </xsl:text>
      <a href="/home/guide/unit_head"><t:s key="acct.unit_head"/></a><xsl:text> · </xsl:text>
      <a href="/home/guide/office"><t:s key="acct.office"/></a><xsl:text> · </xsl:text>
      <a href="/home/guide/center"><t:s key="acct.center"/></a><xsl:text> · </xsl:text>
      <a href="/home/guide/leader"><t:s key="acct.leader"/></a><xsl:text> · </xsl:text>
      <a href="/home/guide/auditor"><t:s key="acct.auditor"/></a>
    </nav>
  </xsl:template>
</xsl:stylesheet>
