<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/print.xsl — a version's text as the A4 paper to sign and seal
  (seed 000 appendices 2-3, seed 003 appendices 1, 2, 3, 5, 7): the title
  centred, the preamble, clauses 一、二、…, items 1. 2. …, the closing, and
  the signature, seal and date blanks in the seed's order, on the print
  layout (../print.xsl), after the module's common.xsl for the text.  The
  type is set by the text's length so that the whole letter, signatures
  and all, is one sheet to sign and seal.
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
  <xsl:import href="../print.xsl"/>

  <xsl:variable name="d" select="/page/data"/>
  <xsl:variable name="tp" select="$d/template"/>
  <xsl:variable name="doc" select="$tp/body/pt:template"/>
  <xsl:variable name="party" select="$d/party"/>
  <!-- the texts are Chinese, and so is the paper, whatever the page's language -->
  <xsl:variable name="sheet-lang" select="string($doc/@lang)"/>
  <!-- characters of text and clauses: a longer letter is set smaller to stay on one page -->
  <xsl:variable name="size">
    <xsl:variable name="n" select="string-length(normalize-space($doc)) + 24 * count($doc/pt:clause | $doc/pt:clause/pt:item)"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 700">s-large</xsl:when>
      <xsl:when test="$n &lt;= 1000">s-medium</xsl:when>
      <xsl:when test="$n &lt;= 1400">s-small</xsl:when>
      <xsl:otherwise>s-tiny</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="print-title">
    <xsl:if test="$party">
      <xsl:value-of select="$party/name"/>
      <xsl:text> · </xsl:text>
    </xsl:if>
    <xsl:value-of select="$tp/title"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="{/page/@base}templates/{$tp/@id}"><t:s key="pprint.back"/></a>
    <xsl:if test="$party/@type = 'unit'">
      <a href="{/page/@base}units/{$party/@id}"><t:s key="pprint.back_unit"/></a>
    </xsl:if>
    <span><t:s key="pprint.howto"/></span>
    <!-- the English page names the site in English: the paper wants the Chinese page -->
    <xsl:if test="/page/@lang != $doc/@lang and $doc/@lang = 'zh-CN'">
      <a href="{/page/@base}templates/{$tp/@id}/print?{/page/@query}lang=zh-CN" hreflang="zh-CN"><t:s key="pprint.in_chinese"/></a>
    </xsl:if>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
    <div class="letter {$size}">
      <h1><xsl:apply-templates select="$doc/pt:title" mode="pt"/></h1>
      <xsl:apply-templates select="$doc/pt:preamble" mode="pt"/>
      <xsl:apply-templates select="$doc/pt:clause" mode="pt"/>
      <xsl:apply-templates select="$doc/pt:closing" mode="pt"/>
      <xsl:apply-templates select="$doc/pt:signatures" mode="pt"/>
    </div>
  </xsl:template>

  <xsl:template name="print-meta">
    <xsl:call-template name="meta-sep"/>
    <t:label set="plkind" select="$tp/@kind"/>
    <xsl:call-template name="meta-sep"/>
    <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="$tp/@version"/></t:arg></t:s>
    <xsl:if test="$party">
      <xsl:call-template name="meta-sep"/>
      <xsl:value-of select="$party/name"/>
      <xsl:if test="string($party/@code)">
        <xsl:text> </xsl:text>
        <xsl:value-of select="$party/@code"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="print-css">
    <xsl:text>
body{font-family:"FangSong","STFangsong","SimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif}
.letter{font-size:14pt;line-height:1.75}
.letter.s-medium{font-size:12pt;line-height:1.65}
.letter.s-small{font-size:11pt;line-height:1.6}
.letter.s-tiny{font-size:10pt;line-height:1.5}
.letter h1{font-size:1.45em;letter-spacing:.03em;margin-bottom:5mm}
.letter p{margin:0;text-indent:2em;text-align:justify}
.preamble{margin-bottom:1mm}
.clause{margin:0}
.letter p.item{padding-left:2em;text-indent:0}
.closing{margin-top:2mm}
.signatures{margin:9mm 0 0 38%;break-inside:avoid;page-break-inside:avoid}
.sigrow{display:flex;flex-wrap:wrap;gap:0 12mm;margin:0 0 6mm}
.signatures.paired{margin-left:0}
.paired .sigrow{display:grid;grid-template-columns:58% 42%;gap:0}
.sig .blank{display:inline-block;min-width:28mm}
.sig-phone .blank,.sig-field .blank{min-width:40mm;border-bottom:1px solid #000}
.sig-date .date{padding-left:18mm;word-spacing:10mm}
.fill{color:#000}
.fill.light{color:#888}
.meta{margin-top:6mm}
@media print{
.clause,.letter p.item,.sigrow{page-break-inside:avoid;break-inside:avoid}
}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
