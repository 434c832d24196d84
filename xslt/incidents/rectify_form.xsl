<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/rectify_form.xsl — the office issues an inspection
  rectification notice to a unit: its number, the inspection, when it was
  issued, the deadline the notice states (a date), the findings one a line.
  data: <form><field name max error?>value</field>…</form>
          (assignee notice_no inspection issued_at due_on findings nonce)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="increctify.new"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'rectify'"/></xsl:call-template>
    <h1><t:s key="increctify.new"/></h1>
    <form class="sheet" method="post" action="/incidents/rectify/new" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'notice_no'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="increctify.hint_no"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'inspection'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="increctify.hint_inspection"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'assignee'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="increctify.hint_unit"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="dt-row">
        <xsl:with-param name="name" select="'issued_at'"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'due_on'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="increctify.hint_due"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'findings'"/>
        <xsl:with-param name="rows" select="8"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="increctify.hint_findings"/></xsl:with-param>
      </xsl:call-template>
      <p class="formbuttons">
        <button type="submit"><t:s key="increctify.submit"/></button>
        <a href="/incidents/rectify"><t:s key="change.cancel"/></a>
      </p>
    </form>
  </xsl:template>

  <!-- the office's own notice: its number, the unit to rectify, the report's text -->
  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="$name = 'result'"><t:s key="increctify.report_text"/></xsl:when>
      <xsl:when test="$name = 'notice_no'"><t:s key="increctify.col_no"/></xsl:when>
      <xsl:when test="$name = 'assignee'"><t:s key="increctify.col_unit"/></xsl:when>
      <xsl:otherwise><t:label set="field" select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
