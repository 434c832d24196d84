<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/print.xsl — a system's filing record (信息系统备案登记表, seed 003
  art. 22) on A4, for the unit's signature and seal and the office's
  opinion, laid out like the seed's paper filing forms (appendices 4, 6, 8):
  a ruled table of the inventory, grading, filing and assessments, then the
  unit's and the office's opinion boxes with signature, seal and date blanks,
  on the print layout (../print.xsl).
  data: <system> and <assessments> as on the system page.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../print.xsl"/>

  <xsl:variable name="s" select="/page/data/system"/>
  <xsl:variable name="last" select="/page/data/assessments/assessment[1]"/>
  <xsl:variable name="site" select="normalize-space(/page/@site)"/>
  <xsl:variable name="level" select="number($s/level)"/>

  <xsl:template name="print-title">
    <xsl:value-of select="$s/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="sprint.form"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="{/page/@base}{$s/id}"><t:s key="sprint.back"/></a>
    <span><t:s key="sprint.howto"/></span>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
    <h1>
      <xsl:choose>
        <xsl:when test="$site != ''">
          <t:s key="sprint.title_site"><t:arg name="site"><xsl:value-of select="$site"/></t:arg></t:s>
        </xsl:when>
        <xsl:otherwise><t:s key="sprint.form"/></xsl:otherwise>
      </xsl:choose>
    </h1>
    <table class="form">
      <colgroup>
        <col class="c-label"/><col class="c-value"/><col class="c-label"/><col class="c-value"/>
      </colgroup>
      <tbody>
        <tr>
          <th><t:s key="sysfield.unit"/></th>
          <td colspan="3"><xsl:value-of select="$s/unit-name"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.name"/></th>
          <td colspan="3"><xsl:value-of select="$s/name"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.kind"/></th>
          <td><t:label set="syskind" select="$s/kind"/></td>
          <th><t:s key="sysfield.hosting"/></th>
          <td><t:label set="syshost" select="$s/hosting"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.url"/></th>
          <td colspan="3"><xsl:value-of select="$s/url"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.ips"/></th>
          <td colspan="3"><xsl:value-of select="$s/ips"/></td>
        </tr>
        <tr class="tall">
          <th><t:s key="sysfield.purpose"/></th>
          <td colspan="3" class="multi"><xsl:value-of select="$s/purpose"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.vendor"/></th>
          <td colspan="3"><xsl:value-of select="$s/vendor"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.admin_name"/></th>
          <td><xsl:value-of select="$s/admin-name"/></td>
          <th><t:s key="sysfield.admin_phone"/></th>
          <td><xsl:value-of select="$s/admin-phone"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.status"/></th>
          <td><t:label set="sysstatus" select="$s/status"/></td>
          <th><t:s key="sysfield.golive_date"/></th>
          <td><xsl:value-of select="$s/golive"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.level"/></th>
          <td>
            <xsl:if test="$level &gt;= 1"><t:label set="syslevel" select="$s/level"/></xsl:if>
          </td>
          <th><t:s key="sysfield.cii"/></th>
          <td>
            <xsl:choose>
              <xsl:when test="$s/cii = '1'"><t:s key="sprint.yes_box"/></xsl:when>
              <xsl:otherwise><t:s key="sprint.no_box"/></xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
        <tr>
          <th><t:s key="sysfield.graded_date"/></th>
          <td><xsl:value-of select="$s/graded"/></td>
          <th><t:s key="sysfield.review_date"/></th>
          <td><xsl:value-of select="$s/review"/></td>
        </tr>
        <tr>
          <th><t:s key="sysfield.filing_no"/></th>
          <td>
            <xsl:value-of select="$s/filing-no"/>
            <xsl:if test="$level = 1"><t:s key="sprint.level1"/></xsl:if>
          </td>
          <th><t:s key="sysfield.filing_date"/></th>
          <td><xsl:value-of select="$s/filing-date"/></td>
        </tr>
        <tr>
          <th><t:s key="system.last_assessed"/></th>
          <td colspan="3">
            <xsl:if test="$last">
              <xsl:value-of select="$last/@date"/>
              <xsl:text> · </xsl:text>
              <xsl:value-of select="$last/agency"/>
              <xsl:text> · </xsl:text>
              <t:label set="sysresult" select="$last/@result"/>
              <xsl:if test="string($last/@score)">
                <xsl:text> · </xsl:text>
                <xsl:value-of select="$last/@score"/>
              </xsl:if>
            </xsl:if>
          </td>
        </tr>
        <tr>
          <th><t:s key="system.next_due"/></th>
          <td colspan="3"><xsl:value-of select="$s/next-due"/></td>
        </tr>
        <tr class="opinion">
          <th><t:s key="sprint.unit_opinion"/></th>
          <td colspan="3">
            <p class="blank"/>
            <p class="signline"><t:s key="sprint.sign"/></p>
            <p class="signline"><t:s key="sprint.seal"/></p>
            <p class="signline"><t:s key="print.date"/></p>
          </td>
        </tr>
        <tr class="opinion">
          <th><t:s key="sprint.office_opinion"/></th>
          <td colspan="3">
            <p class="blank"/>
            <p class="signline"><t:s key="sprint.office_sign"/></p>
            <p class="signline"><t:s key="print.date"/></p>
          </td>
        </tr>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="print-meta">
    <xsl:call-template name="meta-sep"/>
    <xsl:value-of select="$s/unit-code"/>
    <xsl:text> · #</xsl:text>
    <xsl:value-of select="$s/id"/>
  </xsl:template>

  <!-- seventeen rows, two of them opinion boxes with room for a seal, fit one page in either language -->
  <xsl:template name="print-css">
    <xsl:text>
table.form th,table.form td{height:8.5mm}
col.c-label{width:19%}
col.c-value{width:31%}
col.c-label:lang(en){width:22%}
col.c-value:lang(en){width:28%}
tr.tall td{height:14mm}
tr.opinion td{height:36mm;vertical-align:top}
tr.opinion p{margin:0}
tr.opinion p.blank{height:9mm}
tr.opinion p.signline{padding-left:45%;margin-bottom:2.5mm}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
