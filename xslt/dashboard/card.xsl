<?xml version="1.0" encoding="UTF-8"?>
<!--
  dashboard/card.xsl — GET /dashboard/unit/CODE?year=YYYY: a unit's yearly
  scorecard from live data, printable (the print CSS drops the shell).
  data: <unit id code year this-year closed?><name/></unit>
        <duties><duty code module g a r t/>…</duties> <roles liaison sysadmin/>?
        <yearly><d id code due stand><title/></d>…</yearly>? (the duties module on: the year's duties)
        <indicators><i ref duty/>…</indicators> <unanswered><i ref why/>…</unanswered>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:variable name="u" select="/page/data/unit"/>
  <xsl:template name="title"><t:s key="dcard.title"/> · <xsl:value-of select="/page/data/unit/name"/></xsl:template>
  <xsl:template name="css-extra">
    <xsl:call-template name="dash-css"/>
    <xsl:text>
@page{size:A4;margin:14mm 16mm}
table.card{border-collapse:collapse;width:100%}
table.card th,table.card td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left}
table.card td.num{text-align:right;font-variant-numeric:tabular-nums}
ul.unanswered li{margin:.2rem 0}
</xsl:text>
  </xsl:template>

  <!-- the records behind a duty: the module's list for this unit -->
  <xsl:template name="records">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="$d = 'reg' or $d = 'roles'">/registration/<xsl:value-of select="$u/@id"/></xsl:when>
      <xsl:when test="$d = 'pledge'">/pledges/?status=all&amp;unit=<xsl:value-of select="$u/@id"/></xsl:when>
      <xsl:when test="$d = 'sys'">/systems/?unit=<xsl:value-of select="$u/@code"/></xsl:when>
      <xsl:when test="$d = 'vm'">/cloud/?unit=<xsl:value-of select="$u/@id"/></xsl:when>
      <xsl:when test="$d = 'web'">/websites/?unit=<xsl:value-of select="$u/@id"/></xsl:when>
      <xsl:when test="$d = 'inc'">/incidents/list?unit=<xsl:value-of select="$u/@id"/></xsl:when>
      <xsl:when test="$d = 'notice'">/incidents/notices?status=all&amp;unit=<xsl:value-of select="$u/@id"/></xsl:when>
      <xsl:when test="$d = 'yearly'">/duties/?year=<xsl:value-of select="$u/@year"/>&amp;unit=<xsl:value-of select="$u/@id"/></xsl:when>
      <xsl:otherwise>/incidents/periods?unit=<xsl:value-of select="$u/@id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <h1><t:s key="dcard.title"/> · <xsl:value-of select="unit/name"/> <span class="sub code"><xsl:value-of select="unit/@code"/></span></h1>
    <p class="help"><t:s key="help.dashboard/card"/></p>
    <form method="get" action="/dashboard/unit/{unit/@code}" class="actions">
      <label><t:s key="dcard.year"/> <input type="number" name="year" min="2000" max="2100" value="{unit/@year}"/></label>
      <button type="submit"><t:s key="dcard.show"/></button>
      <xsl:text> </xsl:text>
      <xsl:if test="/page/account/@role = 'office' or /page/account/@role = 'leader' or /page/account/@role = 'auditor'">
        <a href="/dashboard/"><t:s key="dash.back"/></a>
      </xsl:if>
    </form>
    <xsl:if test="unit/@closed"><div class="notice"><p><t:s key="dcard.closed"/></p></div></xsl:if>
    <h2><t:s key="dcard.duties"><t:arg name="year"><xsl:value-of select="unit/@year"/></t:arg></t:s></h2>
    <table class="card">
      <thead><tr>
        <th scope="col"><t:s key="dcard.duty"/></th>
        <th scope="col"><t:s key="dash.green"/></th><th scope="col"><t:s key="dash.amber"/></th>
        <th scope="col"><t:s key="dash.red"/></th><th scope="col"><t:s key="dcard.total"/></th>
        <th scope="col"><t:s key="dcard.records"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="duties/duty">
          <tr data-duty="{@code}" data-g="{@g}" data-a="{@a}" data-r="{@r}" data-t="{@t}">
            <xsl:attribute name="class">
              <xsl:choose>
                <xsl:when test="@r != '0'">cell red</xsl:when>
                <xsl:when test="@a != '0'">cell amber</xsl:when>
                <xsl:when test="@t != '0'">cell green</xsl:when>
                <xsl:otherwise>cell</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <th scope="row"><t:label set="duty" select="@code"/></th>
            <td class="num"><xsl:value-of select="@g"/></td>
            <td class="num"><xsl:value-of select="@a"/></td>
            <td class="num"><xsl:value-of select="@r"/></td>
            <td class="num"><xsl:value-of select="@t"/></td>
            <td><a><xsl:attribute name="href"><xsl:call-template name="records"><xsl:with-param name="d" select="@code"/></xsl:call-template></xsl:attribute><t:s key="dcard.open"/></a></td>
          </tr>
        </xsl:for-each>
        <xsl:if test="roles">
          <tr data-duty="roles" data-liaison="{roles/@liaison}" data-sysadmin="{roles/@sysadmin}">
            <th scope="row"><t:s key="dcard.roles"/></th>
            <td colspan="4"><t:s key="dcard.roles_value"><t:arg name="l"><xsl:value-of select="roles/@liaison"/></t:arg><t:arg name="s"><xsl:value-of select="roles/@sysadmin"/></t:arg></t:s></td>
            <td><a href="/registration/{unit/@id}"><t:s key="dcard.open"/></a></td>
          </tr>
        </xsl:if>
      </tbody>
    </table>
    <p class="muted"><t:s key="dcard.year_note"/></p>
    <xsl:if test="yearly">
      <h2><t:s key="dcard.yearly"><t:arg name="year"><xsl:value-of select="unit/@year"/></t:arg></t:s></h2>
      <xsl:choose>
        <xsl:when test="yearly/d">
          <table class="card yearly">
            <thead><tr>
              <th scope="col"><t:s key="dcard.duty"/></th><th scope="col"><t:s key="dcard.yearly_due"/></th>
              <th scope="col"><t:s key="dcard.yearly_state"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="yearly/d">
                <tr data-duty="{@code}" data-stand="{@stand}">
                  <xsl:attribute name="class">
                    <xsl:choose>
                      <xsl:when test="@stand = 'done'">cell green</xsl:when>
                      <xsl:when test="@stand = 'overdue' or @stand = 'returned'">cell red</xsl:when>
                      <xsl:otherwise>cell amber</xsl:otherwise>
                    </xsl:choose>
                  </xsl:attribute>
                  <th scope="row"><a href="/duties/{@id}"><xsl:value-of select="title"/></a></th>
                  <td><xsl:value-of select="@due"/></td>
                  <td><t:label set="dustand" select="@stand"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="muted"><t:s key="dcard.yearly_none"/></p></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <h2><t:s key="dcard.indicators"/></h2>
    <table class="card">
      <thead><tr><th scope="col"><t:s key="dcard.indicator"/></th><th scope="col"><t:s key="dcard.answered_by"/></th></tr></thead>
      <tbody>
        <xsl:for-each select="indicators/i">
          <tr data-ref="{@ref}">
            <td><t:label set="dref" select="@ref"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="@duty = 'roles'"><t:s key="dcard.roles"/></xsl:when>
                <xsl:otherwise><t:label set="duty" select="@duty"/></xsl:otherwise>
              </xsl:choose>
              <xsl:variable name="d" select="@duty"/>
              <xsl:for-each select="../../duties/duty[@code = $d]">
                <xsl:text> — </xsl:text>
                <t:s key="dcard.value"><t:arg name="g"><xsl:value-of select="@g"/></t:arg><t:arg name="t"><xsl:value-of select="@t"/></t:arg><t:arg name="r"><xsl:value-of select="@r"/></t:arg></t:s>
              </xsl:for-each>
              <xsl:text> · </xsl:text>
              <a><xsl:attribute name="href"><xsl:call-template name="records"><xsl:with-param name="d" select="@duty"/></xsl:call-template></xsl:attribute><t:s key="dcard.open"/></a>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <h2><t:s key="dcard.unanswered"/></h2>
    <ul class="unanswered">
      <xsl:for-each select="unanswered/i">
        <li data-ref="{@ref}"><t:label set="dref" select="@ref"/> — <t:label set="dwhy" select="@why"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>
</xsl:stylesheet>
