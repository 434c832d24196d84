<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/ip.xsl — whose is this address: <lookup q/>, <form>, <vm …>? (the active VM on it). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="cloud.ip_title"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="cloud.ip_title"/></h1>
    <form method="get" action="/cloud/ip" class="lookup">
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'q'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <p><button type="submit"><t:s key="cloud.ip_find"/></button></p>
    </form>
    <xsl:choose>
      <xsl:when test="vm">
        <dl class="record">
          <dt><t:s key="cfield.ip"/></dt><dd class="code"><xsl:value-of select="vm/@ip"/></dd>
          <dt><t:s key="cloud.unit"/></dt><dd><xsl:value-of select="vm/unit"/></dd>
          <dt><t:s key="cfield.applicant"/></dt><dd><xsl:value-of select="vm/applicant"/></dd>
          <dt><t:s key="cfield.server_name"/></dt><dd><xsl:value-of select="vm/server-name"/></dd>
          <dt><t:s key="cfield.purpose"/></dt><dd><xsl:value-of select="vm/purpose"/></dd>
          <dt><t:s key="cloud.ip_since"/></dt><dd><xsl:value-of select="vm/@since"/></dd>
        </dl>
        <p><a href="/cloud/{vm/@id}"><t:s key="cloud.ip_open"/> #<xsl:value-of select="vm/@id"/></a></p>
      </xsl:when>
      <xsl:when test="lookup/@q != '' and not(form/field[@error])">
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="cloud.ip_none"/></xsl:with-param></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
