<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/rectify_print.xsl — the rectification notice on A4 as the paper
  form (限期整改通知书, seed 003 art. 35): the number, the unit addressed,
  the inspection and its findings numbered, the deadline the notice states,
  then the issuing office's seal, the signer's blank and the date of issue;
  under a cut line, the unit's receipt with its seal, the receiver's
  signature and the date.  On the print layout (../print.xsl).
  data: <notice kind="rectify" …><unit/><inspection/><findings><finding/>…</findings></notice>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../print.xsl"/>

  <xsl:variable name="n" select="/page/data/notice"/>

  <xsl:template name="print-title">
    <t:s key="rcprint.title"/>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="$n/@notice-no"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="/incidents/rectify/{$n/@id}"><t:s key="rcprint.back"/></a>
    <span><t:s key="rcprint.howto"/></span>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
    <h1><t:s key="rcprint.title"/></h1>
    <p class="no"><t:s key="rcprint.no"><t:arg name="no"><xsl:value-of select="$n/@notice-no"/></t:arg></t:s></p>
    <p class="to"><xsl:value-of select="$n/unit"/><t:s key="rcprint.colon"/></p>
    <p class="body">
      <t:s key="rcprint.intro"><t:arg name="inspection"><xsl:value-of select="$n/inspection"/></t:arg></t:s>
    </p>
    <ol class="findings">
      <xsl:for-each select="$n/findings/finding"><li><xsl:value-of select="."/></li></xsl:for-each>
    </ol>
    <p class="body">
      <t:s key="rcprint.deadline">
        <t:arg name="y"><xsl:value-of select="substring($n/@due, 1, 4)"/></t:arg>
        <t:arg name="m"><xsl:value-of select="substring($n/@due, 6, 2)"/></t:arg>
        <t:arg name="d"><xsl:value-of select="substring($n/@due, 9, 2)"/></t:arg>
      </t:s>
    </p>
    <!-- the issuing office: its seal, who signed, the day of issue -->
    <div class="sign">
      <p><t:s key="rcprint.office_seal"/></p>
      <p><t:s key="rcprint.signer"/><span class="blank"/></p>
      <p class="issued">
        <t:s key="rcprint.ymd">
          <t:arg name="y"><xsl:value-of select="substring($n/@received, 1, 4)"/></t:arg>
          <t:arg name="m"><xsl:value-of select="substring($n/@received, 6, 2)"/></t:arg>
          <t:arg name="d"><xsl:value-of select="substring($n/@received, 9, 2)"/></t:arg>
        </t:s>
      </p>
    </div>
    <!-- the receipt the unit signs and returns -->
    <div class="receipt">
      <h2><t:s key="rcprint.receipt"/></h2>
      <p><t:s key="rcprint.receipt_text"><t:arg name="no"><xsl:value-of select="$n/@notice-no"/></t:arg></t:s></p>
      <div class="sign pair">
        <p><t:s key="rcprint.receiver"/><span class="blank"/></p>
        <p><t:s key="incprint.seal"/></p>
        <p class="date"><t:s key="print.date"/></p>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="print-meta">
    <xsl:text> · </xsl:text>
    <xsl:value-of select="$n/@notice-no"/>
  </xsl:template>

  <xsl:template name="print-css">
    <xsl:text>
body{font-family:"FangSong","STFangsong","SimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif}
p.no{text-align:right;margin:0 0 4mm}
p.to{margin:0 0 2mm;font-weight:700}
p.body{text-indent:2em;line-height:1.6;margin:0 0 2mm}
ol.findings{margin:0 0 2mm 2em;padding-left:1.5em;line-height:1.45;font-size:11pt}
ol.findings li{margin:0 0 .8mm}
p.issued{padding-left:10mm}
.sign{margin-top:5mm}
.sign p{margin:0 0 4mm}
.receipt{margin-top:5mm;padding-top:3mm;border-top:1px dashed #000;break-inside:avoid;page-break-inside:avoid}
.receipt h2{font-size:12pt;text-align:center;margin:0 0 2mm}
.receipt p{margin:0 0 2mm}
.receipt .sign{margin-top:3mm}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
