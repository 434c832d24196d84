<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/rectify.xsl — one inspection rectification notice (限期整改通知书):
  the threat notice's page (notice.xsl) with its own facts — the
  inspection, the unit, when it was issued, the deadline the notice states,
  the findings as a list — and words: the unit's rectification report (a
  text and a file), the office's close or return (with a reason), the
  printable notice.
  data: as notice.xsl, <notice kind="rectify" …><inspection/><findings><finding/>…</findings>…</notice>,
        <can action/>… (report close return)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="notice.xsl"/>

  <xsl:variable name="base" select="'/incidents/rectify'"/>
  <xsl:variable name="here" select="'rectify'"/>
  <xsl:variable name="respond" select="'report'"/>
  <xsl:variable name="accept" select="'close'"/>

  <xsl:template name="nt-title">
    <t:s key="increctify.title"><t:arg name="no"><xsl:value-of select="$n/@notice-no"/></t:arg></t:s>
  </xsl:template>
  <xsl:template name="nt-status"><t:label set="rcstatus" select="$n/@status"/></xsl:template>
  <xsl:template name="nt-respond"><t:s key="increctify.report"/></xsl:template>
  <xsl:template name="nt-accept"><t:s key="increctify.close"/></xsl:template>
  <xsl:template name="nt-responses"><t:s key="increctify.reports"/></xsl:template>
  <xsl:template name="nt-no-responses"><t:s key="increctify.no_reports"/></xsl:template>
  <xsl:template name="nt-waiting"><t:label set="rcstatus" select="'responded'"/></xsl:template>
  <xsl:template name="nt-links">
    <p class="actions"><a href="{$base}/{$n/@id}/print"><t:s key="increctify.print"/></a></p>
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

  <xsl:template name="nt-facts">
    <dl class="facts">
      <dt><t:s key="field.inspection"/></dt>
      <dd><xsl:value-of select="$n/inspection"/></dd>
      <dt><t:s key="increctify.col_unit"/></dt>
      <dd><xsl:call-template name="unit-label"><xsl:with-param name="name" select="$n/unit"/><xsl:with-param name="code" select="$n/@unit-code"/></xsl:call-template></dd>
      <dt><t:s key="field.issued_at"/></dt>
      <dd><xsl:call-template name="time"><xsl:with-param name="t" select="$n/@received"/></xsl:call-template></dd>
      <dt><t:s key="increctify.col_due"/></dt>
      <dd>
        <xsl:value-of select="substring($n/@due, 1, 10)"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="class"><xsl:with-param name="c" select="$n/@timing"/></xsl:call-template>
        <xsl:if test="$n/@timing = 'pending' or $n/@timing = 'overdue'">
          <small class="dates"><xsl:call-template name="left"><xsl:with-param name="s" select="$n/@left"/></xsl:call-template></small>
        </xsl:if>
      </dd>
      <dt><t:s key="field.findings"/></dt>
      <dd><ol class="findings"><xsl:for-each select="$n/findings/finding"><li><xsl:value-of select="."/></li></xsl:for-each></ol></dd>
      <dt><t:s key="increctify.issued_by"/></dt>
      <dd><xsl:call-template name="time"><xsl:with-param name="t" select="$n/@created"/></xsl:call-template>
        <xsl:text> </xsl:text><span class="code"><xsl:value-of select="$n/@created-by"/></span></dd>
    </dl>
  </xsl:template>
</xsl:stylesheet>
