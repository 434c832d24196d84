<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/discover.xsl — the centre records a site found online without a filing: <units>, <file-by>, <days n/>, <form>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="web.discover"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="web.discover"/></h1>
    <p class="hint" id="web-discover-deadline"><t:s key="web.discover_hint"/><xsl:text> </xsl:text><strong><xsl:value-of select="file-by"/></strong>
      (<xsl:value-of select="days/@n"/><xsl:text> </xsl:text><t:s key="web.workdays"/>)</p>
    <form method="post">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'unit'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options">
          <xsl:variable name="v" select="string(form/field[@name='unit'])"/>
          <option value="">—</option>
          <xsl:for-each select="units/unit">
            <option value="{@id}"><xsl:if test="@id = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@code"/><xsl:text> </xsl:text><xsl:value-of select="."/></option>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'domain'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="hint"><t:s key="web.domain_hint"/></xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'note'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="hint"><t:s key="web.discover_note_hint"/></xsl:with-param></xsl:call-template>
      <p><button type="submit"><t:s key="web.discover_save"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
