<?xml version="1.0" encoding="UTF-8"?>
<!--
  registration/print.xsl — the A4 registration form (网络安全责任人登记表, seed 000
  appendix 1) for signature and seal, on the print layout (../print.xsl).
  data: <unit id code kind><name/><name-zh/></unit>, <roles …/>, <current><holder …/></current>
  The three roles of seed 000 come first, then liaison and system administrator
  when the site keeps them; a role without holder prints blank, to be filled by hand.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../print.xsl"/>

  <xsl:variable name="d" select="/page/data"/>
  <xsl:variable name="site" select="normalize-space(/page/@site)"/>

  <xsl:template name="print-title">
    <xsl:value-of select="$d/unit/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="print.form"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="{/page/@base}{$d/unit/@id}"><t:s key="print.back"/></a>
    <span><t:s key="print.howto"/></span>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
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
  </xsl:template>

  <xsl:template name="print-meta">
    <xsl:call-template name="meta-sep"/>
    <xsl:value-of select="$d/unit/@code"/>
  </xsl:template>

  <!-- five roles of three rows and the signature fit one page in either language -->
  <xsl:template name="print-css">
    <xsl:text>
table.form td.unitname{text-align:center}
col.c-role{width:13%}
col.c-label{width:16%}
col.c-value{width:27.5%}
table.form th.role{line-height:1.5;padding:1.5mm 4.5mm}
col.c-role:lang(en){width:17%}
col.c-label:lang(en){width:15%}
col.c-value:lang(en){width:26.5%}
table.form:lang(en) th.role{padding:1.5mm 1.5mm}
.sign p{margin-bottom:9mm}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
