<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/host-form.xsl — a hosted server's form (appendix 8): <current>?, <systems>, <picked>, <form>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="cloud.host_new"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="cloud.host_new"/></h1>
    <form method="post" enctype="multipart/form-data">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'applicant'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'contact'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'apply_date'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'server_config'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'security_devices'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'period_from'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'period_to'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'purpose'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'notes'"/></xsl:call-template>
      <fieldset>
        <legend><t:s key="cloud.review"/></legend>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'review_date'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'review_ref'"/></xsl:call-template>
        <xsl:variable name="scanmsg" select="/page/messages/msg[@field = 'scan']"/>
        <div class="field">
          <xsl:if test="$scanmsg"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
          <label for="f-scan"><t:s key="cloud.review_scan"/></label>
          <div class="input">
            <input type="file" id="f-scan" name="scan" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"/>
            <xsl:if test="$scanmsg">
              <p class="ferr" id="e-scan"><xsl:call-template name="msg-text"><xsl:with-param name="name" select="'scan'"/><xsl:with-param name="code" select="$scanmsg/@code"/></xsl:call-template></p>
            </xsl:if>
            <xsl:if test="string(current/review-scan)">
              <p class="hint"><a href="/cloud/{current/@id}/review"><t:s key="cloud.review_kept"/></a></p>
            </xsl:if>
          </div>
        </div>
      </fieldset>
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
