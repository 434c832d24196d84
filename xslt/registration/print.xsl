<?xml version="1.0" encoding="UTF-8"?>
<!--
  registration/print.xsl — the A4 registration form (网络安全责任人登记表, seed 000
  appendix 1) for signature and seal.  A standalone page: it imports the
  layout only for xsl:output; no navigation chrome, a small screen-only bar.
  data: <unit id code kind><name/><name-zh/></unit>, <roles …/>, <current><holder …/></current>
  The three roles of seed 000 come first, then liaison and system administrator
  when the site keeps them; a role without holder prints blank, to be filled by hand.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="d" select="page/data"/>
    <xsl:variable name="site" select="normalize-space(page/@site)"/>
    <html lang="{page/@lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="$d/unit/name"/>
          <xsl:text> · </xsl:text>
          <t:s key="print.form"/>
        </title>
        <style>
          <xsl:call-template name="print-css"/>
        </style>
      </head>
      <body>
        <div class="bar">
          <a href="{page/@base}{$d/unit/@id}"><t:s key="print.back"/></a>
          <span><t:s key="print.howto"/></span>
        </div>
        <div class="sheet">
          <h1>
            <xsl:choose>
              <xsl:when test="$site != ''">
                <t:s key="print.title_site"><t:arg name="site"><xsl:value-of select="$site"/></t:arg></t:s>
              </xsl:when>
              <xsl:otherwise><t:s key="print.form"/></xsl:otherwise>
            </xsl:choose>
          </h1>
          <table class="form">
            <colgroup>
              <col class="c-role"/>
              <col class="c-label"/>
              <col class="c-value"/>
              <col class="c-label"/>
              <col class="c-value"/>
            </colgroup>
            <tbody>
              <tr class="unitrow">
                <th colspan="2"><t:s key="print.unit"/></th>
                <td colspan="3" class="unitname"><xsl:value-of select="$d/unit/name"/></td>
              </tr>
            </tbody>
            <!-- one tbody per role, so a page break never splits a person -->
            <xsl:for-each select="$d/roles/role">
              <xsl:variable name="h" select="$d/current/holder[@role = current()/@code]"/>
              <tbody class="person">
                <tr>
                  <th rowspan="3" class="role"><t:label set="role" select="@code"/></th>
                  <th><t:s key="field.name"/></th>
                  <td><xsl:value-of select="$h/name"/></td>
                  <th><t:s key="field.title"/></th>
                  <td><xsl:value-of select="$h/title"/></td>
                </tr>
                <tr>
                  <th><t:s key="field.office_phone"/></th>
                  <td><xsl:value-of select="$h/office-phone"/></td>
                  <th><t:s key="field.mobile"/></th>
                  <td><xsl:value-of select="$h/mobile"/></td>
                </tr>
                <tr>
                  <th><t:s key="field.email"/></th>
                  <td colspan="3"><xsl:value-of select="$h/email"/></td>
                </tr>
              </tbody>
            </xsl:for-each>
          </table>
          <!-- the school's own form is signed by the party secretary, sealed by the party committee -->
          <div class="sign">
            <p class="signline">
              <xsl:choose>
                <xsl:when test="$d/unit/@kind = 'school'"><t:s key="print.sign_school"/></xsl:when>
                <xsl:otherwise><t:s key="print.sign"/></xsl:otherwise>
              </xsl:choose>
            </p>
            <p class="seal">
              <xsl:choose>
                <xsl:when test="$d/unit/@kind = 'school'"><t:s key="print.seal_school"/></xsl:when>
                <xsl:otherwise><t:s key="print.seal"/></xsl:otherwise>
              </xsl:choose>
            </p>
            <p class="date"><t:s key="print.date"/></p>
          </div>
          <p class="meta">
            <t:s key="print.printed"><t:arg name="date"><xsl:value-of select="page/@today"/></t:arg></t:s>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="$d/unit/@code"/>
          </p>
        </div>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="print-css">
    <xsl:text>
@page{size:A4;margin:20mm}
*{box-sizing:border-box}
html{background:#e9ecef}
body{margin:0;color:#000;font-family:"SimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif;font-size:12pt;line-height:1.5}
.bar{font-family:system-ui,sans-serif;font-size:10pt;padding:.5rem 1rem;background:#12355b;color:#fff;display:flex;gap:1.5rem;flex-wrap:wrap}
.bar a{color:#fff}
.sheet{width:210mm;min-height:297mm;margin:1rem auto;padding:20mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
h1{font-family:"SimHei","Heiti SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-size:18pt;font-weight:700;text-align:center;margin:0 0 8mm;letter-spacing:.05em}
table.form{width:100%;border-collapse:collapse;table-layout:fixed}
table.form th,table.form td{border:1px solid #000;padding:2.5mm 2mm;height:11mm;vertical-align:middle;text-align:center;font-weight:400}
table.form td{text-align:left;overflow-wrap:anywhere}
table.form td.unitname{text-align:center}
col.c-role{width:13%}
col.c-label{width:17%}
col.c-value{width:26.5%}
table.form th.role{line-height:1.6;padding:2mm 5.5mm}
html[lang=en] table.form th,html[lang=en] table.form th.role{font-size:10.5pt;padding:2mm 1.5mm}
html[lang=en] col.c-role{width:17%}
html[lang=en] col.c-label{width:16%}
html[lang=en] col.c-value{width:25.5%}
.sign{margin-top:12mm}
.sign p{margin:0 0 10mm}
.signline{padding-left:45%}
.seal{padding-left:45%}
.date{padding-left:45%}
.meta{margin-top:8mm;font-size:8pt;color:#666;text-align:right;font-family:system-ui,sans-serif}
@media print{
html{background:#fff}
.bar{display:none}
.sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}
tr,tbody.person{page-break-inside:avoid;break-inside:avoid}
}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
