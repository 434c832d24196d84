<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/print.xsl — a version's text as the A4 paper to sign and seal
  (seed 000 appendices 2-3, seed 003 appendices 1, 2, 3, 5, 7): the title
  centred, the preamble, clauses 一、二、…, items 1. 2. …, the closing, and
  the signature, seal and date blanks in the seed's order.  A standalone
  page: it imports the layout only for xsl:output; no navigation, a small
  screen-only bar.
  data @domain: <template id kind version …><title/><note/><body><pt:template …/></body></template>,
        <party type id code><name/><signer name? title?/></party>?  (?unit=, ?vendor=, ?person=)
  Without a party the blanks are empty, to fill in by hand; with one, the seal
  line carries the party's name and the signature line the signer's, lightly.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text"
    xmlns:pt="urn:wangan:pledge-template:1"
    exclude-result-prefixes="pt">

  <xsl:import href="common.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="d" select="page/data"/>
    <xsl:variable name="tp" select="$d/template"/>
    <xsl:variable name="doc" select="$tp/body/pt:template"/>
    <xsl:variable name="party" select="$d/party"/>
    <html lang="{page/@lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:if test="$party">
            <xsl:value-of select="$party/name"/>
            <xsl:text> · </xsl:text>
          </xsl:if>
          <xsl:value-of select="$tp/title"/>
        </title>
        <style>
          <xsl:call-template name="print-css"/>
        </style>
      </head>
      <body>
        <div class="bar">
          <a href="{page/@base}templates/{$tp/@id}"><t:s key="pprint.back"/></a>
          <xsl:if test="$party/@type = 'unit'">
            <a href="{page/@base}units/{$party/@id}"><t:s key="pprint.back_unit"/></a>
          </xsl:if>
          <span><t:s key="pprint.howto"/></span>
          <!-- the texts are Chinese, and so is the paper: the English page names the site in English -->
          <xsl:if test="page/@lang != $doc/@lang and $doc/@lang = 'zh-CN'">
            <a href="{page/@base}templates/{$tp/@id}/print?{page/@query}lang=zh-CN" hreflang="zh-CN"><t:s key="pprint.in_chinese"/></a>
          </xsl:if>
        </div>
        <div class="sheet" lang="{$doc/@lang}">
          <h1><xsl:apply-templates select="$doc/pt:title" mode="pt"/></h1>
          <xsl:apply-templates select="$doc/pt:preamble" mode="pt"/>
          <xsl:apply-templates select="$doc/pt:clause" mode="pt"/>
          <xsl:apply-templates select="$doc/pt:closing" mode="pt"/>
          <xsl:apply-templates select="$doc/pt:signatures" mode="pt"/>
          <p class="meta" lang="{page/@lang}">
            <t:s key="pprint.printed"><t:arg name="date"><xsl:value-of select="page/@today"/></t:arg></t:s>
            <xsl:text> · </xsl:text>
            <t:label set="plkind" select="$tp/@kind"/>
            <xsl:text> · </xsl:text>
            <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="$tp/@version"/></t:arg></t:s>
            <xsl:if test="$party">
              <xsl:text> · </xsl:text>
              <xsl:value-of select="$party/name"/>
              <xsl:if test="string($party/@code)">
                <xsl:text> </xsl:text>
                <xsl:value-of select="$party/@code"/>
              </xsl:if>
            </xsl:if>
          </p>
        </div>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="print-css">
    <xsl:text>
@page{size:A4;margin:25mm 22mm}
*{box-sizing:border-box}
html{background:#e9ecef}
body{margin:0;color:#000;font-family:"FangSong","STFangsong","SimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif;font-size:14pt;line-height:1.8}
.bar{font-family:system-ui,sans-serif;font-size:10pt;line-height:1.5;padding:.5rem 1rem;background:#12355b;color:#fff;display:flex;gap:1.5rem;flex-wrap:wrap}
.bar a{color:#fff}
.sheet{width:210mm;min-height:297mm;margin:1rem auto;padding:25mm 22mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
h1{font-family:"SimHei","Heiti SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-size:20pt;font-weight:700;text-align:center;margin:0 0 8mm;line-height:1.4;letter-spacing:.03em}
p{margin:0;text-indent:2em;text-align:justify}
.preamble{margin-bottom:1mm}
.clause{margin:0}
p.item{padding-left:2em;text-indent:0}
.closing{margin-top:3mm}
.signatures{margin:14mm 0 0 38%}
.sigrow{display:flex;flex-wrap:wrap;gap:0 12mm;margin:0 0 8mm}
.signatures.paired{margin-left:0}
.paired .sigrow{display:grid;grid-template-columns:58% 42%;gap:0}
.sig .blank{display:inline-block;min-width:28mm}
.sig-phone .blank,.sig-field .blank{min-width:40mm;border-bottom:1px solid #000}
.sig-date .date{padding-left:18mm;word-spacing:10mm}
.fill{color:#000}
.fill.light{color:#888}
.meta{margin-top:12mm;font-size:8pt;line-height:1.4;color:#666;text-align:right;text-indent:0;font-family:system-ui,sans-serif}
@media print{
html{background:#fff}
.bar{display:none}
.sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}
.clause,p.item,.sigrow{page-break-inside:avoid;break-inside:avoid}
.signatures{page-break-inside:avoid;break-inside:avoid}
h1{page-break-after:avoid;break-after:avoid}
}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
