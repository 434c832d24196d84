<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/print.xsl — the report sheet on A4 as seed 003 appendix 10 lays it
  out (网络信息安全突发事件报告单): the units and times, who filled it in and
  who reviewed it, the categories of the incident's taxonomy version, the
  levels and the harms as boxes with the incident's ticked, the four texts,
  then the blanks for the unit head's signature, the seal and the date.
  Two rows the paper lacks and the issue asks for: the discovery time and
  the affected system.  The level ticked is the confirmed one, else the
  office's proposal, else the unit's own estimate.  On the print layout
  (../print.xsl), after the module's common.xsl for the category names.
  data: <incident …/> (as on the incident page), <taxonomy …/>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../print.xsl"/>

  <xsl:variable name="i" select="/page/data/incident"/>
  <xsl:variable name="lv">
    <xsl:choose>
      <xsl:when test="$i/@level != '0'"><xsl:value-of select="$i/@level"/></xsl:when>
      <xsl:when test="$i/@level-proposed != '0'"><xsl:value-of select="$i/@level-proposed"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$i/@level-reported"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="print-title">
    <t:s key="incprint.title"><t:arg name="site"><xsl:value-of select="/page/@site"/></t:arg></t:s>
    <xsl:text> · #</xsl:text>
    <xsl:value-of select="$i/@id"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="/incidents/{$i/@id}"><t:s key="incprint.back"/></a>
    <span><t:s key="incprint.howto"/></span>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
    <h1><t:s key="incprint.title"><t:arg name="site"><xsl:value-of select="/page/@site"/></t:arg></t:s></h1>
    <table class="form">
      <colgroup><col class="k"/><col class="v"/><col class="k"/><col class="v"/></colgroup>
      <tr>
        <th><t:s key="incprint.reporting_unit"/></th>
        <td><xsl:value-of select="$i/reporting-unit"/></td>
        <th><t:s key="incprint.report_time"/></th>
        <td class="when"><xsl:call-template name="ymdhm"><xsl:with-param name="t" select="$i/@reported"/></xsl:call-template></td>
      </tr>
      <tr>
        <th><t:s key="incprint.unit"/></th>
        <td><xsl:value-of select="$i/unit"/></td>
        <th><t:s key="incprint.started"/></th>
        <td class="when"><xsl:call-template name="ymdhm"><xsl:with-param name="t" select="$i/@started"/></xsl:call-template></td>
      </tr>
      <tr>
        <th><t:s key="incprint.system"/></th>
        <td>
          <xsl:value-of select="$i/system"/>
          <xsl:if test="string($i/system) and string($i/system-name)"><xsl:text> · </xsl:text></xsl:if>
          <xsl:value-of select="$i/system-name"/>
        </td>
        <th><t:s key="incprint.discovered"/></th>
        <td class="when"><xsl:call-template name="ymdhm"><xsl:with-param name="t" select="$i/@discovered"/></xsl:call-template></td>
      </tr>
      <tr>
        <th><t:s key="incprint.filled_by"/></th>
        <td><xsl:value-of select="$i/filled-by"/></td>
        <th><t:s key="incprint.reviewed_by"/></th>
        <td><xsl:value-of select="$i/reviewed-by"/></td>
      </tr>
      <tr>
        <th><t:s key="incprint.category"/></th>
        <td colspan="3" class="boxes">
          <xsl:for-each select="/page/data/taxonomy/version[@code = $i/@taxonomy]/category">
            <span class="box">
              <xsl:call-template name="tick"><xsl:with-param name="on" select="@code = $i/@category"/></xsl:call-template>
              <xsl:call-template name="category">
                <xsl:with-param name="tax" select="$i/@taxonomy"/>
                <xsl:with-param name="code" select="@code"/>
              </xsl:call-template>
            </span>
          </xsl:for-each>
          <small class="std"><t:label set="inctax" select="$i/@taxonomy"/></small>
        </td>
      </tr>
      <tr>
        <th><t:s key="incprint.level"/></th>
        <td colspan="3" class="boxes">
          <xsl:call-template name="level-box"><xsl:with-param name="n" select="'1'"/></xsl:call-template>
          <xsl:call-template name="level-box"><xsl:with-param name="n" select="'2'"/></xsl:call-template>
          <xsl:call-template name="level-box"><xsl:with-param name="n" select="'3'"/></xsl:call-template>
          <xsl:call-template name="level-box"><xsl:with-param name="n" select="'4'"/></xsl:call-template>
        </td>
      </tr>
      <tr>
        <th><t:s key="incprint.harm"/></th>
        <td colspan="3" class="boxes">
          <xsl:call-template name="harm-box"><xsl:with-param name="code" select="'outage'"/></xsl:call-template>
          <xsl:call-template name="harm-box"><xsl:with-param name="code" select="'paralysis'"/></xsl:call-template>
          <xsl:call-template name="harm-box"><xsl:with-param name="code" select="'destroyed'"/></xsl:call-template>
          <xsl:call-template name="harm-box"><xsl:with-param name="code" select="'leaked'"/></xsl:call-template>
          <xsl:call-template name="harm-box"><xsl:with-param name="code" select="'other'"/></xsl:call-template>
        </td>
      </tr>
      <tr class="text">
        <td colspan="4">
          <p class="q"><t:s key="incprint.description"/></p>
          <p class="a"><xsl:value-of select="$i/description"/></p>
        </td>
      </tr>
      <tr class="text">
        <td colspan="4">
          <p class="q"><t:s key="incprint.measures"/></p>
          <p class="a"><xsl:value-of select="$i/measures"/></p>
        </td>
      </tr>
      <tr class="text">
        <td colspan="4">
          <p class="q"><t:s key="incprint.consequences"/></p>
          <p class="a"><xsl:value-of select="$i/consequences"/></p>
        </td>
      </tr>
      <tr class="text">
        <td colspan="4">
          <p class="q"><t:s key="incprint.suggestions"/></p>
          <p class="a"><xsl:value-of select="$i/suggestions"/></p>
        </td>
      </tr>
    </table>
    <!-- the signature and the seal side by side, the date under the seal -->
    <div class="sign pair">
      <p><t:s key="incprint.head_sign"/><span class="blank"/></p>
      <p><t:s key="incprint.seal"/></p>
      <p class="date"><t:s key="print.date"/></p>
    </div>
  </xsl:template>

  <xsl:template name="print-meta">
    <xsl:text> · #</xsl:text>
    <xsl:value-of select="$i/@id"/>
  </xsl:template>

  <!-- "2026-12-02 10:30:00" → 2026 年 12 月 02 日 10 时 30 分 -->
  <xsl:template name="ymdhm">
    <xsl:param name="t"/>
    <t:s key="incprint.ymdhm">
      <t:arg name="y"><xsl:value-of select="substring($t, 1, 4)"/></t:arg>
      <t:arg name="m"><xsl:value-of select="substring($t, 6, 2)"/></t:arg>
      <t:arg name="d"><xsl:value-of select="substring($t, 9, 2)"/></t:arg>
      <t:arg name="h"><xsl:value-of select="substring($t, 12, 2)"/></t:arg>
      <t:arg name="min"><xsl:value-of select="substring($t, 15, 2)"/></t:arg>
    </t:s>
  </xsl:template>

  <xsl:template name="tick">
    <xsl:param name="on"/>
    <xsl:choose>
      <xsl:when test="$on"><span class="tick on">☑</span></xsl:when>
      <xsl:otherwise><span class="tick">□</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="level-box">
    <xsl:param name="n"/>
    <span class="box">
      <xsl:call-template name="tick"><xsl:with-param name="on" select="$lv = $n"/></xsl:call-template>
      <t:label set="inclevelshort" select="$n"/>
    </span>
  </xsl:template>

  <xsl:template name="harm-box">
    <xsl:param name="code"/>
    <span class="box">
      <xsl:call-template name="tick">
        <xsl:with-param name="on" select="contains(concat(',', $i/@harm, ','), concat(',', $code, ','))"/>
      </xsl:call-template>
      <t:label set="incharm" select="$code"/>
    </span>
  </xsl:template>

  <!-- the four texts keep room to write by hand, and the page still holds the signature and seal -->
  <xsl:template name="print-css">
    <xsl:text>
body{font-family:"FangSong","STFangsong","SimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif}
table.form col.k{width:18%}
table.form col.v{width:32%}
table.form:lang(en) col.k{width:20%}
table.form:lang(en) col.v{width:30%}
table.form th,table.form td{height:auto;vertical-align:top;padding:1.2mm 2.5mm}
table.form th{text-align:left;white-space:nowrap}
table.form:lang(en) th{white-space:normal}
td.boxes{line-height:1.6}
.box{display:inline-block;margin-right:3.5mm;white-space:nowrap}
td.boxes:lang(en){font-size:10pt}
.tick{margin-right:1mm}
.tick.on{font-weight:700}
small.std{display:block;font-size:7.5pt;color:#555;line-height:1.2}
td.when{white-space:nowrap;font-size:10pt}
tr.text td{height:25mm}
p.q{margin:0}
p.q:lang(en){font-size:10pt}
p.a{margin:1mm 0 0;white-space:pre-line;text-indent:2em}
.sign.pair{margin:7mm 0 0 22%;display:grid;grid-template-columns:auto auto;gap:0 10mm}
.sign.pair .date{grid-column:2;padding-left:10mm}
.sign p{margin-bottom:6mm}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
