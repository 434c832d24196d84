<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/form.xsl — a filing's form (appendix 4, the unit's part): <current>?, <vms>, <systems>, <officer>?, <form>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="web.new"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><xsl:choose><xsl:when test="current"><t:s key="web.edit"/> #<xsl:value-of select="current/@id"/></xsl:when><xsl:otherwise><t:s key="web.new"/></xsl:otherwise></xsl:choose></h1>
    <form method="post">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'domain'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="hint"><t:s key="web.domain_hint"/></xsl:with-param></xsl:call-template>
      <xsl:call-template name="static-row">
        <xsl:with-param name="name" select="'officer'"/>
        <xsl:with-param name="value"><xsl:apply-templates select="officer"/><xsl:if test="not(officer)"><t:s key="web.no_officer"/></xsl:if></xsl:with-param>
        <xsl:with-param name="hint"><t:s key="web.officer_hint"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'leader_name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'leader_phone'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <fieldset>
        <legend><t:s key="web.site_type"/></legend>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'site_lang'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'site_runtime'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'site_db'"/></xsl:call-template>
      </fieldset>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'sections'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="select-row"><xsl:with-param name="name" select="'location'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="set" select="'wloc'"/><xsl:with-param name="codes" select="'campus cloud_vm hosted external'"/></xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'vm'"/>
        <xsl:with-param name="hint"><t:s key="web.vm_hint"/></xsl:with-param>
        <xsl:with-param name="options">
          <xsl:variable name="v" select="string(form/field[@name='vm'])"/>
          <option value="">—</option>
          <xsl:for-each select="vms/vm">
            <option value="{@id}"><xsl:if test="@id = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:choose><xsl:when test="@kind = 'host'"><t:s key="wloc.hosted"/></xsl:when><xsl:otherwise><t:s key="wloc.cloud_vm"/></xsl:otherwise></xsl:choose> #<xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:value-of select="@ip"/> — <xsl:value-of select="."/></option>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="select-row"><xsl:with-param name="name" select="'build'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="set" select="'wbuild'"/><xsl:with-param name="codes" select="'site_group own_db'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'build_reason'"/><xsl:with-param name="hint"><t:s key="web.build_reason_hint"/></xsl:with-param></xsl:call-template>
      <fieldset>
        <legend><t:s key="web.admin"/></legend>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_phone'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_email'"/><xsl:with-param name="type" select="'email'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_mobile'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      </fieldset>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'apply_date'"/><xsl:with-param name="type" select="'date'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'system'"/>
        <xsl:with-param name="hint"><t:s key="web.system_hint"/></xsl:with-param>
        <xsl:with-param name="options">
          <xsl:variable name="v" select="string(form/field[@name='system'])"/>
          <option value="new"><t:s key="web.system_new"/></option>
          <xsl:for-each select="systems/system">
            <option value="{@id}"><xsl:if test="@id = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>#<xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:value-of select="."/></option>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'notes'"/></xsl:call-template>
      <p><button type="submit"><t:s key="web.save"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
