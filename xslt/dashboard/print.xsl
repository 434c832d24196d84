<?xml version="1.0" encoding="UTF-8"?>
<!-- dashboard/print.xsl — GET /dashboard/print: the matrix's page on A4 landscape (../print.xsl's sheet, turned). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">
  <!-- the matrix's table from the screen view; the print layout, imported last, owns the page -->
  <xsl:import href="matrix.xsl"/>
  <xsl:import href="../print.xsl"/>
  <xsl:template name="print-title"><t:s key="dash.title"/></xsl:template>
  <xsl:template name="print-bar">
    <a href="/dashboard/?sort={/page/data/units/@sort}"><t:s key="dash.back"/></a>
    <span><t:s key="dash.print_howto"/></span>
  </xsl:template>
  <xsl:template name="print-meta">
    <xsl:call-template name="meta-sep"/>
    <t:s key="dash.as_of"><t:arg name="hm"><xsl:value-of select="/page/data/snapshot/@hm"/></t:arg></t:s>
  </xsl:template>
  <xsl:template match="data" mode="sheet">
    <h1><t:s key="dash.title"/></h1>
    <xsl:call-template name="legend"/>
    <xsl:call-template name="matrix-table"><xsl:with-param name="links" select="false()"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="print-css">
    <xsl:text>
@page{size:A4 landscape;margin:10mm 12mm}
.sheet{width:297mm;min-height:210mm;padding:10mm 12mm;font-family:system-ui,sans-serif}
:root{--line:#999;--bg:#eee;--ok:#1a7f37;--okbg:#e6f4ea;--warn:#8a5300;--warnbg:#fff4d6;--bad:#b42318;--badbg:#fdecea;--muted:#555}
table.matrix{font-size:8.5pt}
table.matrix th,table.matrix td{padding:1mm 1.5mm}
table.matrix tr{break-inside:avoid}
.cell a{text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{.sheet{width:auto;min-height:0;padding:0;box-shadow:none;margin:0}}
</xsl:text>
    <xsl:call-template name="dash-css"/>
  </xsl:template>
</xsl:stylesheet>
