<?xml version="1.0" encoding="UTF-8"?>
<!--
  websites/print.xsl — a website filing as appendix 4 of seed 003 (校内网站
  备案登记表) on A4, in the form's layout: the unit, the responsible leader
  and phone, the site's security officer (the unit head from registration,
  art. 25), the domain (and the site's name), the site type (language,
  runtime, database), the main sections, the server location and the build
  method as the form's tick boxes, the administrator's contacts, the dates
  applied and opened, the review opinions — the unit's (with its seal) and
  the centre's, each with its date — then the part the centre fills: IP,
  exposure (是/否), service types; and the form's five notes (备注).  On the
  print layout (../print.xsl).
  data: <site> as on the site page, <officer>?.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../print.xsl"/>

  <xsl:variable name="s" select="/page/data/site"/>
  <xsl:variable name="o" select="/page/data/officer"/>
  <xsl:variable name="site" select="normalize-space(/page/@site)"/>
  <xsl:variable name="en" select="/page/@lang = 'en'"/>
  <xsl:variable name="svc" select="concat(',', $s/services, ',')"/>

  <xsl:template name="print-title">
    <xsl:text>#</xsl:text>
    <xsl:value-of select="$s/@id"/>
    <xsl:text> · </xsl:text>
    <t:s key="wprint.form"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="/websites/{$s/@id}"><t:s key="wprint.back"/></a>
    <span><t:s key="wprint.howto"/></span>
  </xsl:template>

  <!-- "☑ label" or "☐ label" -->
  <xsl:template name="box">
    <xsl:param name="on"/>
    <xsl:param name="label"/>
    <span class="box">
      <xsl:attribute name="data-ticked"><xsl:value-of select="number(boolean($on))"/></xsl:attribute>
      <xsl:choose>
        <xsl:when test="$on">☑</xsl:when>
        <xsl:otherwise>☐</xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:copy-of select="$label"/>
    </span>
  </xsl:template>

  <!-- the date part of a DATETIME, or the blank date line to fill by hand -->
  <xsl:template name="day">
    <xsl:param name="at"/>
    <xsl:choose>
      <xsl:when test="string($at)"><xsl:value-of select="substring($at, 1, 10)"/></xsl:when>
      <xsl:otherwise><t:s key="print.date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
    <h1>
      <xsl:choose>
        <xsl:when test="$site != ''">
          <t:s key="wprint.title_site"><t:arg name="site"><xsl:value-of select="$site"/></t:arg></t:s>
        </xsl:when>
        <xsl:otherwise><t:s key="wprint.form"/></xsl:otherwise>
      </xsl:choose>
    </h1>
    <table class="form">
      <colgroup>
        <col class="c-label"/><col class="c-value"/><col class="c-label"/><col class="c-value"/>
      </colgroup>
      <tbody>
        <tr>
          <th><t:s key="wprint.unit"/></th>
          <td colspan="3" class="unit">
            <xsl:choose>
              <xsl:when test="$en and string($s/unit-name-en)"><xsl:value-of select="$s/unit-name-en"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$s/unit-name"/></xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
        <tr>
          <th><t:s key="wprint.leader"/></th>
          <td class="leader"><xsl:value-of select="$s/leader_name"/></td>
          <th><t:s key="wprint.phone"/></th>
          <td class="leader-phone"><xsl:value-of select="$s/leader_phone"/></td>
        </tr>
        <tr>
          <th><t:s key="wprint.officer"/></th>
          <td colspan="3" class="officer">
            <xsl:choose>
              <xsl:when test="$o">
                <xsl:value-of select="$o/@name"/>
                <xsl:if test="string($o/@title)">（<xsl:value-of select="$o/@title"/>）</xsl:if>
                <xsl:if test="string($o/@phone)"><xsl:text>　</xsl:text><xsl:value-of select="$o/@phone"/></xsl:if>
                <xsl:if test="string($o/@mobile)"><xsl:text>　</xsl:text><xsl:value-of select="$o/@mobile"/></xsl:if>
              </xsl:when>
              <xsl:otherwise><span class="muted"><t:s key="web.no_officer"/></span></xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
        <tr>
          <th><t:s key="wprint.domain"/></th>
          <td class="code domain"><xsl:value-of select="$s/domain"/></td>
          <th><t:s key="wprint.name"/></th>
          <td class="name"><xsl:value-of select="$s/name"/></td>
        </tr>
        <tr>
          <th><t:s key="wprint.type"/><br/><small><t:s key="wprint.type_hint"/></small></th>
          <td colspan="3" class="type">
            <span class="box"><t:s key="wprint.lang"/><xsl:value-of select="$s/site_lang"/></span>
            <span class="box"><t:s key="wprint.runtime"/><xsl:value-of select="$s/site_runtime"/></span>
            <span class="box"><t:s key="wprint.db"/><xsl:value-of select="$s/site_db"/></span>
          </td>
        </tr>
        <tr class="mid">
          <th><t:s key="wprint.sections"/></th>
          <td colspan="3" class="multi sections"><xsl:value-of select="$s/sections"/></td>
        </tr>
        <tr class="choice">
          <th><t:s key="wprint.location"/></th>
          <td class="location">
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/location = 'campus'"/>
              <xsl:with-param name="label">
                <t:s key="wprint.loc_campus"/>
                <xsl:if test="$s/location = 'campus' and string($s/vm-ip)">（<xsl:value-of select="$s/vm-ip"/>）</xsl:if>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/location = 'cloud_vm'"/>
              <xsl:with-param name="label">
                <t:s key="wprint.loc_cloud"/>
                <xsl:if test="$s/location = 'cloud_vm' and string($s/vm-ip)">（<xsl:value-of select="$s/vm-ip"/>）</xsl:if>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/location = 'hosted'"/>
              <xsl:with-param name="label">
                <t:s key="wprint.loc_hosted"/>
                <xsl:if test="$s/location = 'hosted' and string($s/vm-ip)">（<xsl:value-of select="$s/vm-ip"/>）</xsl:if>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/location = 'external'"/>
              <xsl:with-param name="label">
                <t:s key="wprint.loc_external"/>
                <xsl:if test="$s/location = 'external' and string($s/vm-ip)">（<xsl:value-of select="$s/vm-ip"/>）</xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </td>
          <th><t:s key="wprint.build"/></th>
          <td class="build">
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/build = 'site_group'"/>
              <xsl:with-param name="label"><t:s key="wprint.build_group"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/build = 'own_db'"/>
              <xsl:with-param name="label"><t:s key="wprint.build_db"/></xsl:with-param>
            </xsl:call-template>
            <xsl:if test="$s/build = 'own_db' and string($s/build_reason)">
              <small class="reason"><t:s key="wprint.build_reason"/><xsl:value-of select="$s/build_reason"/></small>
            </xsl:if>
          </td>
        </tr>
        <tr>
          <th><t:s key="wprint.admin"/></th>
          <td class="admin-name"><xsl:value-of select="$s/admin_name"/></td>
          <th><t:s key="wprint.phone"/></th>
          <td class="admin-phone"><xsl:value-of select="$s/admin_phone"/></td>
        </tr>
        <tr>
          <th>E-mail</th>
          <td class="code email"><xsl:value-of select="$s/admin_email"/></td>
          <th><t:s key="wprint.mobile"/></th>
          <td class="mobile"><xsl:value-of select="$s/admin_mobile"/></td>
        </tr>
        <tr>
          <th><t:s key="wprint.apply_date"/></th>
          <td class="apply-date"><xsl:value-of select="$s/apply_date"/></td>
          <th><t:s key="wprint.open_date"/></th>
          <td class="open-date"><xsl:value-of select="$s/open_date"/></td>
        </tr>
        <tr class="opinion">
          <th rowspan="2"><t:s key="wprint.review"/></th>
          <td colspan="3" class="unit-opinion">
            <p class="signline"><t:s key="wprint.unit_opinion"/></p>
            <p class="text"><xsl:value-of select="$s/unit_opinion"/></p>
            <p class="date"><xsl:call-template name="day"><xsl:with-param name="at" select="$s/unit-at"/></xsl:call-template></p>
          </td>
        </tr>
        <tr class="opinion">
          <td colspan="3" class="center-opinion">
            <p class="signline"><t:s key="wprint.center_opinion"/></p>
            <p class="text"><xsl:value-of select="$s/center_opinion"/></p>
            <p class="date"><xsl:call-template name="day"><xsl:with-param name="at" select="$s/center-at"/></xsl:call-template></p>
          </td>
        </tr>
        <tr class="admin">
          <td colspan="4"><t:s key="wprint.center_part"/></td>
        </tr>
        <tr>
          <th><t:s key="wprint.ip"/></th>
          <td class="code ip"><xsl:value-of select="$s/ip"/></td>
          <th><t:s key="wprint.exposed"/></th>
          <td class="exposed">
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/exposed = '1'"/>
              <xsl:with-param name="label"><t:s key="wprint.yes"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="$s/exposed = '0'"/>
              <xsl:with-param name="label"><t:s key="wprint.no"/></xsl:with-param>
            </xsl:call-template>
          </td>
        </tr>
        <tr>
          <th><t:s key="wprint.services"/></th>
          <td colspan="3" class="services">
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="contains($svc, ',http,')"/>
              <xsl:with-param name="label">HTTP</xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="contains($svc, ',https,')"/>
              <xsl:with-param name="label">HTTPS</xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="contains($svc, ',ftp,')"/>
              <xsl:with-param name="label">FTP</xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="box">
              <xsl:with-param name="on" select="contains($svc, ',other,')"/>
              <xsl:with-param name="label">
                <t:s key="wprint.other"/>
                <xsl:if test="string($s/services_other)"><t:s key="wprint.colon"/><xsl:value-of select="$s/services_other"/></xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </td>
        </tr>
        <tr class="notes">
          <th><t:s key="wprint.notes"/></th>
          <td colspan="3">
            <p><t:s key="wprint.note1"/></p>
            <p><t:s key="wprint.note2"/></p>
            <p><t:s key="wprint.note3"/></p>
            <p><t:s key="wprint.note4"/></p>
            <p><t:s key="wprint.note5"/></p>
          </td>
        </tr>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="print-meta">
    <xsl:call-template name="meta-sep"/>
    <xsl:value-of select="$s/unit-code"/>
    <xsl:text> · #</xsl:text>
    <xsl:value-of select="$s/@id"/>
    <xsl:call-template name="meta-sep"/>
    <t:label set="wstate" select="$s/@state"/>
  </xsl:template>

  <!-- sixteen rows, two opinion boxes and the five notes fit one page in either language
       (test_95 prints a filing with long values in both) -->
  <xsl:template name="print-css">
    <xsl:text>
table.form{font-size:10.5pt;line-height:1.35}
table.form th,table.form td{height:7.5mm;padding:1mm 1.8mm}
col.c-label{width:18%}
col.c-value{width:32%}
table.form th small{font-size:8pt}
span.box{display:inline-block;margin-right:3mm}
td.location span.box{width:48%;margin:0}
td.location:lang(en) span.box{display:block;width:auto;font-size:9.5pt;line-height:1.3}
td.build span.box{display:block;margin:0}
td.build:lang(en) span.box{font-size:9.5pt;line-height:1.3}
td.exposed span.box{margin-right:4mm}
td small.reason{display:block;font-size:8.5pt;line-height:1.3}
tr.mid td{height:11mm;vertical-align:top}
tr.opinion td{height:17mm;vertical-align:top}
tr.opinion p{margin:0}
tr.opinion p.text{min-height:5mm;white-space:pre-line}
tr.opinion p.date{text-align:right;padding-right:6mm}
tr.admin td{height:7mm;text-align:center;font-size:10pt}
tr.notes td{font-size:8.5pt;line-height:1.35;vertical-align:top}
tr.notes td:lang(en){font-size:7.5pt;line-height:1.25}
tr.notes p{margin:0 0 .6mm}
.muted{color:#666}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
