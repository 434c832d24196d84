<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/assess.xsl — the office records an assessment of a system
  (/systems/ID/assess): date, agency, result, score and the report file.
  data @max-report (bytes) @report-again (a 422/413: choose the file again):
        <system> (as on the system page),
        <form> (assessed_date agency result score nonce); a message for the
        field "report" (required, scan_type, too_large) comes in /page/messages.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="assess.title"/>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="/page/data/system/name"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="s" select="system"/>
    <xsl:variable name="report-err" select="/page/messages/msg[@field = 'report']/@code"/>
    <p class="crumbs small">
      <a href="{$base}"><t:s key="systems.title"/></a>
      <xsl:text> › </xsl:text>
      <a href="{$base}{$s/id}"><xsl:value-of select="$s/name"/></a>
    </p>
    <h1><t:s key="assess.title"/></h1>
    <p class="muted">
      <t:s key="assess.intro">
        <t:arg name="level"><t:label set="syslevel" select="$s/level"/></t:arg>
      </t:s>
    </p>
    <form class="system" method="post" action="{$base}{$s/id}/assess" enctype="multipart/form-data"
        novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'assessed_date'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'agency'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="assess.hint_agency"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'result'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options">
          <xsl:call-template name="choose-one"><xsl:with-param name="name" select="'result'"/></xsl:call-template>
          <xsl:call-template name="options">
            <xsl:with-param name="set" select="'result'"/>
            <xsl:with-param name="codes" select="'pass basic_pass fail'"/>
            <xsl:with-param name="value" select="$form/field[@name = 'result']"/>
          </xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="hint"><t:s key="assess.hint_result"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'score'"/>
        <xsl:with-param name="hint"><t:s key="assess.hint_score"/></xsl:with-param>
      </xsl:call-template>
      <div class="field">
        <xsl:if test="$report-err">
          <xsl:attribute name="class">field invalid</xsl:attribute>
        </xsl:if>
        <label for="f-report">
          <xsl:call-template name="field-label"><xsl:with-param name="name" select="'report'"/></xsl:call-template>
          <span class="req" aria-hidden="true">*</span>
        </label>
        <div class="input">
          <input type="file" id="f-report" name="report" accept="application/pdf,image/jpeg,image/png" required="required"/>
          <xsl:if test="$report-err">
            <p class="ferr" id="e-report"><t:label set="msg" select="$report-err"/></p>
          </xsl:if>
          <xsl:if test="@report-again = '1' and not($report-err)">
            <p class="ferr"><t:s key="assess.report_again"/></p>
          </xsl:if>
          <p class="hint">
            <t:s key="assess.hint_report"><t:arg name="mb"><xsl:value-of select="round(@max-report div 1048576)"/></t:arg></t:s>
          </p>
        </div>
      </div>
      <p class="formbuttons">
        <button type="submit"><t:s key="assess.submit"/></button>
        <a href="{$base}{$s/id}"><t:s key="change.cancel"/></a>
      </p>
    </form>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="sys-css"/>
    <xsl:text>
form.system{max-width:48rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
