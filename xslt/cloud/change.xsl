<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/change.xsl — filing a change or renewal of a VM: <vm>, <changes>, <closed/>?, <form>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:label set="cchange" select="/page/data/form/field[@name = 'kind']"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="v" select="vm"/>
    <xsl:variable name="kind" select="string(form/field[@name = 'kind'])"/>
    <h1><t:label set="cchange" select="$kind"/> #<xsl:value-of select="$v/@id"/></h1>
    <p><a href="/cloud/{$v/@id}"><t:s key="cloud.rereg_back"/></a></p>
    <p class="notice"><t:s key="cloud.change_note"/></p>
    <xsl:choose>
      <xsl:when test="closed"><p class="notice bad"><t:s key="msg.cloud_change_state"/></p></xsl:when>
      <xsl:when test="changes/change[@state = 'pending']"><p class="notice warn"><t:s key="msg.cloud_change_pending"/></p></xsl:when>
    </xsl:choose>
    <form method="post" action="/cloud/{$v/@id}/change">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'kind'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$kind = 'renewal'">
          <p><t:s key="cloud.expiry"/>: <xsl:value-of select="$v/period_from"/> – <xsl:value-of select="$v/period_to"/></p>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'period_from'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'period_to'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="area-row"><xsl:with-param name="name" select="'purpose'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'vcpu'"/><xsl:with-param name="type" select="'number'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'memory_gib'"/><xsl:with-param name="type" select="'number'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'disk_gib'"/><xsl:with-param name="type" select="'number'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sw_database'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sw_app'"/></xsl:call-template>
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sw_other'"/></xsl:call-template>
          <xsl:call-template name="area-row"><xsl:with-param name="name" select="'notes'"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'reason'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <p><button type="submit"><t:s key="cloud.change_submit"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
