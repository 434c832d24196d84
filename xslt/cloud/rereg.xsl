<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/rereg.xsl — the yearly re-registration: <vm>, <life>, <reregs>, <form>, <release/>?. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="cloud.rereg"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="v" select="vm"/>
    <h1><t:s key="cloud.rereg"/> #<xsl:value-of select="$v/@id"/></h1>
    <p><a href="/cloud/{$v/@id}"><t:s key="cloud.rereg_back"/></a></p>
    <dl>
      <dt><t:s key="cloud.unit"/></dt><dd><xsl:call-template name="unit-label"><xsl:with-param name="name" select="$v/unit-name"/><xsl:with-param name="code" select="$v/unit-code"/></xsl:call-template></dd>
      <dt><t:s key="cfield.purpose"/></dt><dd><xsl:value-of select="$v/purpose"/></dd>
      <dt><t:s key="cloud.registered"/></dt><dd><xsl:value-of select="life/@registered"/></dd>
      <dt><t:s key="cloud.due"/></dt><dd><xsl:value-of select="life/@due"/></dd>
    </dl>
    <xsl:if test="release">
      <p class="notice warn"><t:s key="cloud.rereg_release"/><xsl:text> </xsl:text><a href="/cloud/{$v/@id}"><t:s key="cloud.rereg_back"/></a></p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="life/@may-rereg = '1'">
        <p><t:s key="cloud.rereg_change"/></p>
        <form method="post" action="/cloud/{$v/@id}/rereg">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
          <xsl:call-template name="check-row"><xsl:with-param name="name" select="'purpose_ok'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_contact'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
          <xsl:call-template name="check-row"><xsl:with-param name="name" select="'still_needed'"/></xsl:call-template>
          <xsl:call-template name="check-row"><xsl:with-param name="name" select="'logs_kept'"/></xsl:call-template>
          <button type="submit"><t:s key="cloud.rereg_submit"/></button>
        </form>
      </xsl:when>
      <xsl:otherwise><p class="notice"><t:s key="cloud.rereg_closed"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
