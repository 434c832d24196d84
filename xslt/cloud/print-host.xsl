<?xml version="1.0" encoding="UTF-8"?>
<!--
  cloud/print-host.xsl — a hosted server as appendix 8 of seed 003 (托管服务器
  备案登记表) on A4, in the form's layout: the hosting unit and date, the
  applicant and contact, the server configuration, the network security
  devices, the hosting period, purpose and notes (and the systems, the expert
  review of art. 19), the applicant's and the responsible person's signature
  with the seal, then the part the administrators fill — server name, IP —
  with the handler's (经办人) and the person in charge's (负责人) signatures.
  Appendix 6's print (print.xsl) gives the page, the bar and the CSS.
  data: <vm> as on the request page (kind host), <systems>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="print.xsl"/>

  <xsl:template name="print-title">
    <xsl:text>#</xsl:text>
    <xsl:value-of select="$v/@id"/>
    <xsl:text> · </xsl:text>
    <t:s key="hprint.form"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="/cloud/{$v/@id}"><t:s key="cprint.back"/></a>
    <span><t:s key="hprint.howto"/></span>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
    <h1>
      <xsl:choose>
        <xsl:when test="$site != ''">
          <t:s key="hprint.title_site"><t:arg name="site"><xsl:value-of select="$site"/></t:arg></t:s>
        </xsl:when>
        <xsl:otherwise><t:s key="hprint.form"/></xsl:otherwise>
      </xsl:choose>
    </h1>
    <p class="head">
      <span class="unit"><t:s key="hprint.unit"/>
        <xsl:choose>
          <xsl:when test="$en and string($v/unit-name-en)"><xsl:value-of select="$v/unit-name-en"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$v/unit-name"/></xsl:otherwise>
        </xsl:choose>
      </span>
      <span class="date"><xsl:value-of select="$v/apply_date"/></span>
    </p>
    <table class="form">
      <colgroup>
        <col class="c-label"/><col class="c-value"/><col class="c-label"/><col class="c-value"/>
      </colgroup>
      <tbody>
        <tr>
          <th><t:s key="cprint.applicant"/></th>
          <td><xsl:value-of select="$v/applicant"/></td>
          <th><t:s key="cprint.contact"/></th>
          <td><xsl:value-of select="$v/contact"/></td>
        </tr>
        <tr class="mid">
          <th><t:s key="hprint.config"/></th>
          <td colspan="3" class="multi"><xsl:value-of select="$v/server_config"/></td>
        </tr>
        <tr class="mid">
          <th><t:s key="hprint.devices"/></th>
          <td colspan="3" class="multi"><xsl:value-of select="$v/security_devices"/></td>
        </tr>
        <tr>
          <th><t:s key="hprint.period"/></th>
          <td colspan="3">
            <t:s key="cprint.from_to">
              <t:arg name="from"><xsl:value-of select="$v/period_from"/></t:arg>
              <t:arg name="to"><xsl:value-of select="$v/period_to"/></t:arg>
            </t:s>
          </td>
        </tr>
        <tr class="tall">
          <th><t:s key="cprint.purpose"/></th>
          <td colspan="3" class="multi"><xsl:value-of select="$v/purpose"/></td>
        </tr>
        <tr class="mid">
          <th><t:s key="cprint.notes"/></th>
          <td colspan="3" class="multi"><xsl:value-of select="$v/notes"/></td>
        </tr>
        <tr>
          <th><t:s key="hprint.review"/></th>
          <td colspan="3"><xsl:value-of select="$v/review_date"/><xsl:text>　</xsl:text><xsl:value-of select="$v/review_ref"/></td>
        </tr>
        <tr>
          <th><t:s key="cprint.systems"/></th>
          <td colspan="3">
            <xsl:for-each select="systems/system">
              <xsl:if test="position() &gt; 1"><t:s key="cprint.sep"/></xsl:if>
              <xsl:value-of select="."/>
            </xsl:for-each>
          </td>
        </tr>
        <tr class="signs">
          <td colspan="2">
            <p class="signline"><t:s key="cprint.sign_applicant"/></p>
            <p class="blank"/>
            <p class="date"><t:s key="print.date"/></p>
          </td>
          <td colspan="2">
            <p class="signline"><t:s key="hprint.sign_head"/></p>
            <p class="seal"><t:s key="cprint.seal"/></p>
            <p class="date"><t:s key="print.date"/></p>
          </td>
        </tr>
        <tr class="admin">
          <td colspan="4"><t:s key="cprint.admin_part"/></td>
        </tr>
        <tr>
          <th><t:s key="cprint.server"/></th>
          <td><xsl:value-of select="$v/server-name"/></td>
          <th><t:s key="cprint.provision_date"/></th>
          <td><xsl:value-of select="$v/provision-date"/></td>
        </tr>
        <tr>
          <th><t:s key="cprint.ip"/></th>
          <td colspan="3" class="code"><xsl:value-of select="$v/ip"/></td>
        </tr>
        <tr class="signs">
          <td colspan="2">
            <p class="signline"><t:s key="hprint.sign_handler"/></p>
            <p class="blank"/>
            <p class="date"><t:s key="print.date"/></p>
          </td>
          <td colspan="2">
            <p class="signline"><t:s key="hprint.sign_chief"/></p>
            <p class="blank"/>
            <p class="date"><t:s key="print.date"/></p>
          </td>
        </tr>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
