<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/period_form.xsl — the office declares an important period.
  data: <form><field name max error?>value</field>…</form>
          (period_name starts ends remark nonce)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="incperiod.new"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'periods'"/></xsl:call-template>
    <h1><t:s key="incperiod.new"/></h1>
    <form class="sheet" method="post" action="/incidents/periods/new" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'period_name'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="incperiod.hint_name"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'starts'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'ends'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'remark'"/></xsl:call-template>
      <p class="formbuttons">
        <button type="submit"><t:s key="incperiod.submit"/></button>
        <a href="/incidents/periods"><t:s key="change.cancel"/></a>
      </p>
    </form>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
