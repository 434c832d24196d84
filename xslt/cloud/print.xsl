<?xml version="1.0" encoding="UTF-8"?>
<!--
  cloud/print.xsl — a VM request as appendix 6 of seed 003 (云服务（虚拟机）
  备案登记表) on A4, in the form's layout: the applying unit and date, the
  applicant and contact, the image as the form's tick boxes, the
  configuration, pre-installed software, the period, purpose and notes (and
  the systems it hosts), the applicant's and the unit head's signature with
  the seal, then the part the administrators fill — server name, IP — with
  the approver's and the handler's signatures, and the form's two notes; on
  the print layout (../print.xsl).
  data: <vm> as on the request page, <images>, <systems>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../print.xsl"/>

  <xsl:variable name="v" select="/page/data/vm"/>
  <xsl:variable name="site" select="normalize-space(/page/@site)"/>
  <xsl:variable name="en" select="/page/@lang = 'en'"/>

  <xsl:template name="print-title">
    <xsl:text>#</xsl:text>
    <xsl:value-of select="$v/@id"/>
    <xsl:text> · </xsl:text>
    <t:s key="cprint.form"/>
  </xsl:template>

  <xsl:template name="print-bar">
    <a href="/cloud/{$v/@id}"><t:s key="cprint.back"/></a>
    <span><t:s key="cprint.howto"/></span>
  </xsl:template>

  <xsl:template match="data" mode="sheet">
    <h1>
      <xsl:choose>
        <xsl:when test="$site != ''">
          <t:s key="cprint.title_site"><t:arg name="site"><xsl:value-of select="$site"/></t:arg></t:s>
        </xsl:when>
        <xsl:otherwise><t:s key="cprint.form"/></xsl:otherwise>
      </xsl:choose>
    </h1>
    <p class="head">
      <span class="unit"><t:s key="cprint.unit"/>
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
        <tr class="images">
          <th><t:s key="cprint.image"/></th>
          <td colspan="3">
            <xsl:for-each select="images/image[@active = '1' or @id = $v/image]">
              <span class="box">
                <xsl:choose>
                  <xsl:when test="@id = $v/image">■</xsl:when>
                  <xsl:otherwise>□</xsl:otherwise>
                </xsl:choose>
                <xsl:text> </xsl:text>
                <xsl:choose>
                  <xsl:when test="$en"><xsl:value-of select="@name-en"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
                <xsl:if test="@other = '1'">
                  <xsl:text>: </xsl:text>
                  <xsl:if test="@id = $v/image"><xsl:value-of select="$v/image_other"/></xsl:if>
                </xsl:if>
              </span>
            </xsl:for-each>
          </td>
        </tr>
        <tr>
          <th><t:s key="cprint.config"/></th>
          <td colspan="3">
            <span class="box">■ vCPU: <xsl:value-of select="$v/vcpu"/></span>
            <span class="box">■ vMem: <xsl:value-of select="$v/memory_gib"/> GiB</span>
            <span class="box">■ vHD: <xsl:value-of select="$v/disk_gib"/> GiB</span>
          </td>
        </tr>
        <tr>
          <th><t:s key="cprint.software"/></th>
          <td colspan="3">
            <xsl:call-template name="ticked"><xsl:with-param name="label">DB</xsl:with-param><xsl:with-param name="value" select="$v/sw_database"/></xsl:call-template>
            <xsl:call-template name="ticked"><xsl:with-param name="label"><t:s key="cprint.app"/></xsl:with-param><xsl:with-param name="value" select="$v/sw_app"/></xsl:call-template>
            <xsl:call-template name="ticked"><xsl:with-param name="label"><t:s key="cprint.other"/></xsl:with-param><xsl:with-param name="value" select="$v/sw_other"/></xsl:call-template>
          </td>
        </tr>
        <tr>
          <th><t:s key="cprint.period"/></th>
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
            <p class="signline"><t:s key="cprint.sign_head"/></p>
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
          <td colspan="3" class="code">
            <xsl:if test="string($v/ip)">
              <xsl:value-of select="$v/ip"/>
              <xsl:text>　</xsl:text><t:s key="cprint.netmask"/><xsl:value-of select="$v/netmask"/>
              <xsl:text>　</xsl:text><t:s key="cprint.gateway"/><xsl:value-of select="$v/gateway"/>
            </xsl:if>
          </td>
        </tr>
        <tr class="signs">
          <td colspan="2">
            <p class="signline"><t:s key="cprint.sign_approver"/></p>
            <p class="blank"/>
            <p class="date"><t:s key="print.date"/></p>
          </td>
          <td colspan="2">
            <p class="signline"><t:s key="cprint.sign_handler"/></p>
            <p class="blank"/>
            <p class="date"><t:s key="print.date"/></p>
          </td>
        </tr>
      </tbody>
    </table>
    <div class="notes">
      <p><t:s key="cprint.notes_title"/></p>
      <p><t:s key="cprint.note1"/></p>
      <p><t:s key="cprint.note2"/></p>
    </div>
  </xsl:template>

  <!-- "□ label: " or "■ label: value" -->
  <xsl:template name="ticked">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <span class="box">
      <xsl:choose>
        <xsl:when test="string($value)">■</xsl:when>
        <xsl:otherwise>□</xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:copy-of select="$label"/>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="$value"/>
    </span>
  </xsl:template>

  <xsl:template name="print-meta">
    <xsl:call-template name="meta-sep"/>
    <xsl:value-of select="$v/unit-code"/>
    <xsl:text> · #</xsl:text>
    <xsl:value-of select="$v/@id"/>
  </xsl:template>

  <!-- sixteen rows, two of them signature boxes, and the notes fit one page in either language -->
  <xsl:template name="print-css">
    <xsl:text>
p.head{display:flex;justify-content:space-between;margin:0 0 2mm}
table.form th,table.form td{height:8mm}
col.c-label{width:17%}
col.c-value{width:33%}
col.c-label:lang(en){width:20%}
col.c-value:lang(en){width:30%}
span.box{display:inline-block;margin-right:5mm}
tr.tall td{height:16mm;vertical-align:top}
tr.mid td{height:10mm;vertical-align:top}
tr.signs td{height:22mm;vertical-align:top}
tr.signs p{margin:0}
tr.signs p.blank{height:6mm}
tr.signs p.seal{height:6mm;padding-left:35%}
tr.signs p.date{text-align:right;padding-right:6mm}
tr.admin td{height:7mm;text-align:center;font-size:10pt}
td.code{font-family:monospace,serif}
div.notes{margin:2mm 0 0;font-size:8.5pt;line-height:1.35}
div.notes p{margin:0 0 1mm;text-indent:2em}
div.notes p:first-child{text-indent:0}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
