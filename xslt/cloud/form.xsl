<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/form.xsl — a request's form: <current>?, <images>, <systems>, <picked>, <form>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="cloud.new"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="cloud.new"/></h1>
    <form method="post">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'applicant'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'contact'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'apply_date'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'image'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options">
          <xsl:variable name="v" select="string(form/field[@name='image'])"/>
          <xsl:for-each select="images/image[@active = '1']">
            <option value="{@id}"><xsl:if test="@id = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'image_other'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'vcpu'"/><xsl:with-param name="type" select="'number'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'memory_gib'"/><xsl:with-param name="type" select="'number'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'disk_gib'"/><xsl:with-param name="type" select="'number'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sw_database'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sw_app'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sw_other'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'period_from'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'period_to'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'purpose'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'notes'"/></xsl:call-template>
      <fieldset>
        <legend><t:s key="cloud.systems"/></legend>
        <xsl:if test="@system-error"><p class="ferr"><t:label set="msg" select="@system-error"/></p></xsl:if>
        <xsl:variable name="picked" select="picked"/>
        <xsl:for-each select="systems/system">
          <label><input type="checkbox" name="system" value="{@id}">
            <xsl:if test="$picked/system[@id = current()/@id]"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input> <xsl:value-of select="."/></label>
        </xsl:for-each>
      </fieldset>
      <p><button type="submit"><t:s key="cloud.save"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
