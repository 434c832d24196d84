<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/rectify_list.xsl — inspection rectification notices (限期整改通知书):
  the threat notices' list (notices.xsl) with its own base and words: open
  ones by deadline (default), overdue ones (past the deadline and not
  closed), or all; the second line under the number is the inspection.
  data: as notices.xsl, each <notice kind="rectify" …><inspection/><findings/>…</notice>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="notices.xsl"/>

  <xsl:variable name="base" select="'/incidents/rectify'"/>
  <xsl:variable name="here" select="'rectify'"/>

  <xsl:template name="nt-title"><t:s key="increctify.list_title"/></xsl:template>
  <xsl:template name="nt-intro"><t:s key="increctify.intro"/></xsl:template>
  <xsl:template name="nt-new"><t:s key="increctify.new"/></xsl:template>
  <xsl:template name="nt-empty"><t:s key="increctify.empty"/></xsl:template>
  <xsl:template name="nt-col-received"><t:s key="field.issued_at"/></xsl:template>
  <xsl:template name="nt-col-due"><t:s key="increctify.col_due"/></xsl:template>
  <xsl:template name="nt-second"><xsl:value-of select="inspection"/></xsl:template>
  <xsl:template name="nt-status"><t:label set="rcstatus" select="@status"/></xsl:template>
  <xsl:template name="nt-col-no"><t:s key="increctify.col_no"/></xsl:template>
  <xsl:template name="nt-col-unit"><t:s key="increctify.col_unit"/></xsl:template>
  <xsl:template name="nt-col-text"><t:s key="field.findings"/></xsl:template>
  <xsl:template name="nt-overdue"><t:s key="increctify.overdue"/></xsl:template>
  <xsl:template name="nt-hint"><t:s key="increctify.hint_search"/></xsl:template>
</xsl:stylesheet>
