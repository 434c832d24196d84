<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/refile.xsl — re-filing an online site: <site>, <refiles may-refile/>, <vms>, <closed/>?, <form>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="web.refile"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="s" select="site"/>
    <h1><t:s key="web.refile"/> — <a href="/websites/{$s/@id}">#<xsl:value-of select="$s/@id"/></a><xsl:text> </xsl:text><span class="code"><xsl:value-of select="$s/domain"/></span></h1>
    <p class="hint"><t:s key="web.refile_hint"/></p>
    <xsl:if test="closed"><p class="notice bad" id="web-refile-closed"><t:s key="msg.web_refile_state"/></p></xsl:if>
    <xsl:if test="refiles/@may-refile = '0' and not(closed)"><p class="notice bad" id="web-refile-pending"><t:s key="msg.web_refile_pending"/></p></xsl:if>
    <form method="post">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'domain'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="hint"><t:s key="web.domain_hint"/></xsl:with-param></xsl:call-template>
      <fieldset>
        <legend><t:s key="web.server"/></legend>
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
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'ip'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="select-row"><xsl:with-param name="name" select="'exposed'"/><xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="options">
            <xsl:variable name="e" select="string(form/field[@name='exposed'])"/>
            <option value="1"><xsl:if test="$e = '1'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:s key="w.yes"/></option>
            <option value="0"><xsl:if test="$e = '0'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><t:s key="w.no"/></option>
          </xsl:with-param></xsl:call-template>
      </fieldset>
      <xsl:call-template name="select-row"><xsl:with-param name="name" select="'build'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="set" select="'wbuild'"/><xsl:with-param name="codes" select="'site_group own_db'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'build_reason'"/><xsl:with-param name="hint"><t:s key="web.build_reason_hint"/></xsl:with-param></xsl:call-template>
      <fieldset>
        <legend><t:s key="web.admin"/></legend>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_phone'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_email'"/><xsl:with-param name="type" select="'email'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'admin_mobile'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      </fieldset>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'reason'"/><xsl:with-param name="required" select="true()"/><xsl:with-param name="hint"><t:s key="web.refile_reason_hint"/></xsl:with-param></xsl:call-template>
      <p><button type="submit"><t:s key="web.refile_submit"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
