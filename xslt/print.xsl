<?xml version="1.0" encoding="UTF-8"?>
<!--
  print.xsl — the one print layout: every paper form's view (registration,
  pledges, systems, incidents print.xsl) imports it, after its module's
  common.xsl when it needs that module's helpers, so this page replaces the
  screen shell.  It owns the page: A4 with its @page margins, the serif
  text of official forms, the ruled table of a form (table.form), the
  signature and seal block (.sign), the printed-on line, and a screen-only
  bar above the sheet (the way back, how to print).  On screen the sheet is
  drawn as a sheet of A4; printed, only the sheet remains, on ONE page: its
  heights are set so that a form filled with long values still fits
  (tests/http/test_95_print.py counts the pages Chromium prints).

  A print view provides:
    <xsl:template name="print-title">             the document title (text)
    <xsl:template name="print-bar">               the bar's links and how-to
    <xsl:template match="data" mode="sheet">      the sheet: h1, form, signatures
    <xsl:template name="print-meta">              what follows the printed-on date
    <xsl:template name="print-css">               CSS of its own
  and may set the variable sheet-lang (the paper's language, default the page's).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="sheet-lang" select="string(/page/@lang)"/>

  <xsl:template match="/">
    <html lang="{page/@lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:call-template name="print-title"/></title>
        <style>
          <xsl:call-template name="print-layout-css"/>
          <xsl:call-template name="print-css"/>
        </style>
      </head>
      <body>
        <div class="bar">
          <xsl:call-template name="print-bar"/>
          <!-- the view's help (layout.xsl's on screen pages); the bar is not printed -->
          <xsl:if test="string(page/@view)">
            <details class="help">
              <summary><t:s key="layout.help"/></summary>
              <p><t:label set="help" select="page/@view"/></p>
            </details>
          </xsl:if>
        </div>
        <div class="sheet" lang="{$sheet-lang}">
          <xsl:apply-templates select="page/data" mode="sheet"/>
          <p class="meta" lang="{page/@lang}">
            <t:s key="print.printed"><t:arg name="date"><xsl:value-of select="page/@today"/></t:arg></t:s>
            <xsl:call-template name="print-meta"/>
          </p>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- Views override these. -->
  <xsl:template name="print-title"><t:s key="app.title"/></xsl:template>
  <xsl:template name="print-bar"/>
  <xsl:template match="data" mode="sheet"/>
  <xsl:template name="print-meta"/>
  <xsl:template name="print-css"/>

  <!-- " · " before each further part of the printed-on line. -->
  <xsl:template name="meta-sep">
    <xsl:text> · </xsl:text>
  </xsl:template>

  <!--
    A4 is 297 mm: 14 mm margins top and bottom leave 269 mm, and every form
    keeps its rows' minimum heights well inside that (English labels wrap to
    two lines, long values grow their cells; the rows are sized for both).
  -->
  <xsl:template name="print-layout-css">
    <xsl:text>
@page{size:A4;margin:14mm 16mm}
*{box-sizing:border-box}
html{background:#e9ecef}
body{margin:0;color:#000;font-family:"SimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif;font-size:11pt;line-height:1.45}
.bar{font-family:system-ui,sans-serif;font-size:10pt;line-height:1.5;padding:.5rem 1rem;background:#12355b;color:#fff;display:flex;gap:1.5rem;flex-wrap:wrap}
.bar a{color:#fff}
.sheet{width:210mm;min-height:297mm;margin:1rem auto;padding:14mm 16mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
h1{font-family:"SimHei","Heiti SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-size:17pt;font-weight:700;text-align:center;margin:0 0 5mm;line-height:1.35;letter-spacing:.03em}
h1:lang(en){font-size:15pt;letter-spacing:0}
table.form{width:100%;border-collapse:collapse;table-layout:fixed}
table.form th,table.form td{border:1px solid #000;padding:1.2mm 2mm;height:9mm;vertical-align:middle;font-weight:400;overflow-wrap:anywhere}
table.form th{text-align:center;line-height:1.25}
table.form td{text-align:left}
table.form:lang(en) th{font-size:9.5pt}
.multi{white-space:pre-line}
.sign{margin:8mm 0 0 50%;break-inside:avoid;page-break-inside:avoid}
.sign p{margin:0 0 6mm}
.sign .blank{display:inline-block;min-width:40mm;border-bottom:1px solid #000}
.sign .date{padding-left:20mm}
.meta{margin:4mm 0 0;font-size:8pt;line-height:1.4;color:#666;text-align:right;text-indent:0;font-family:system-ui,sans-serif}
@media print{
html{background:#fff}
.bar{display:none}
.sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}
tr,tbody{page-break-inside:avoid;break-inside:avoid}
h1{page-break-after:avoid;break-after:avoid}
}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
