<?xml version="1.0" encoding="UTF-8"?>
<!--
  dashboard/charts.xsl — GET /dashboard/charts: incidents per month by
  category (stacked bars) and the on-time rate per unit (bars), as SVG drawn
  here, no script; each chart's numbers follow as a table.
  data: <snapshot/> <year y this/> <months total max><m n total><cat i count/>…</m>…</months>
        <cats><cat i tax code total/>…</cats> <rates><unit code g t pct><name/></unit>…</rates>?
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text" xmlns:svg="http://www.w3.org/2000/svg" exclude-result-prefixes="svg">
  <xsl:import href="common.xsl"/>
  <xsl:variable name="max" select="/page/data/months/@max"/>
  <!-- 160 px for the highest month -->
  <xsl:variable name="scale">
    <xsl:choose>
      <xsl:when test="$max &gt; 0"><xsl:value-of select="160 div $max"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:template name="title"><t:s key="dchart.title"/></xsl:template>
  <xsl:template name="css-extra">
    <xsl:call-template name="dash-css"/>
    <xsl:text>
svg.chart{max-width:100%;height:auto;font-size:11px;font-family:inherit}
table.numbers{border-collapse:collapse;font-size:.85rem}
table.numbers th,table.numbers td{border:1px solid var(--line);padding:.2rem .4rem}
table.numbers td{text-align:right;font-variant-numeric:tabular-nums}
.key{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
</xsl:text>
  </xsl:template>

  <xsl:template name="colour">
    <xsl:param name="i"/>
    <xsl:choose>
      <xsl:when test="$i mod 8 = 0">#0b5cad</xsl:when>
      <xsl:when test="$i mod 8 = 1">#b42318</xsl:when>
      <xsl:when test="$i mod 8 = 2">#1a7f37</xsl:when>
      <xsl:when test="$i mod 8 = 3">#8a5300</xsl:when>
      <xsl:when test="$i mod 8 = 4">#6f42c1</xsl:when>
      <xsl:when test="$i mod 8 = 5">#0a7e8c</xsl:when>
      <xsl:when test="$i mod 8 = 6">#c2410c</xsl:when>
      <xsl:otherwise>#59636e</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="cat-name">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/@tax = 'gbz2007'"><t:label set="inccat7" select="$c/@code"/></xsl:when>
      <xsl:otherwise><t:label set="inccat23" select="$c/@code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="cats" select="cats/cat"/>
    <h1><t:s key="dchart.title"/> <span class="sub"><xsl:value-of select="year/@y"/></span></h1>
    <p class="help"><t:s key="help.dashboard/charts"/></p>
    <form method="get" action="/dashboard/charts" class="actions">
      <label><t:s key="dcard.year"/> <input type="number" name="year" min="2000" max="2100" value="{year/@y}"/></label>
      <button type="submit"><t:s key="dcard.show"/></button>
      <xsl:text> </xsl:text><a href="/dashboard/"><t:s key="dash.back"/></a>
    </form>

    <h2 id="months-title"><t:s key="dchart.months"><t:arg name="n"><xsl:value-of select="months/@total"/></t:arg></t:s></h2>
    <svg xmlns="http://www.w3.org/2000/svg" class="chart" id="months-chart" viewBox="0 0 600 210" width="600" height="210" role="img" aria-labelledby="months-title">
      <line x1="30" y1="180" x2="590" y2="180" stroke="#59636e"/>
      <xsl:for-each select="months/m">
        <xsl:variable name="x" select="38 + (@n - 1) * 46"/>
        <g data-month="{@n}" data-total="{@total}">
          <xsl:for-each select="cat[@count &gt; 0]">
            <xsl:variable name="below" select="sum(preceding-sibling::cat/@count)"/>
            <xsl:variable name="h" select="@count * $scale"/>
            <rect x="{$x}" y="{180 - $below * $scale - $h}" width="30" height="{$h}" data-cat="{@i}" data-count="{@count}">
              <xsl:attribute name="fill"><xsl:call-template name="colour"><xsl:with-param name="i" select="@i"/></xsl:call-template></xsl:attribute>
              <title><xsl:value-of select="@count"/></title>
            </rect>
          </xsl:for-each>
          <xsl:if test="@total &gt; 0">
            <text x="{$x + 15}" y="{175 - @total * $scale}" text-anchor="middle"><xsl:value-of select="@total"/></text>
          </xsl:if>
          <text x="{$x + 15}" y="196" text-anchor="middle"><t:s key="dchart.month"><t:arg name="n"><xsl:value-of select="@n"/></t:arg></t:s></text>
        </g>
      </xsl:for-each>
    </svg>
    <xsl:choose>
      <xsl:when test="$cats">
        <table class="numbers" id="months-table">
          <caption class="vh"><t:s key="dchart.months_table"/></caption>
          <thead><tr>
            <th scope="col"><t:s key="dchart.category"/></th>
            <xsl:for-each select="months/m"><th scope="col"><t:s key="dchart.month"><t:arg name="n"><xsl:value-of select="@n"/></t:arg></t:s></th></xsl:for-each>
            <th scope="col"><t:s key="dcard.total"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$cats">
              <xsl:variable name="i" select="@i"/>
              <tr data-tax="{@tax}" data-cat="{@code}">
                <th scope="row"><span class="key"><xsl:attribute name="style">background:<xsl:call-template name="colour"><xsl:with-param name="i" select="@i"/></xsl:call-template></xsl:attribute></span><xsl:call-template name="cat-name"><xsl:with-param name="c" select="."/></xsl:call-template></th>
                <xsl:for-each select="../../months/m">
                  <td data-month="{@n}"><xsl:value-of select="cat[@i = $i]/@count"/></td>
                </xsl:for-each>
                <td><xsl:value-of select="@total"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="dash.empty"/></xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>

    <xsl:if test="year/@y = year/@this">
      <h2 id="rates-title"><t:s key="dchart.rates"/></h2>
      <xsl:choose>
        <xsl:when test="rates/unit">
          <svg xmlns="http://www.w3.org/2000/svg" class="chart" id="rates-chart" viewBox="0 0 600 {count(rates/unit) * 18 + 10}" width="600" height="{count(rates/unit) * 18 + 10}" role="img" aria-labelledby="rates-title">
            <xsl:for-each select="rates/unit">
              <xsl:variable name="y" select="(position() - 1) * 18 + 4"/>
              <g data-unit="{@code}" data-pct="{@pct}">
                <text x="0" y="{$y + 11}"><xsl:value-of select="@code"/></text>
                <rect x="120" y="{$y}" width="400" height="13" fill="#fdecea"/>
                <rect x="120" y="{$y}" width="{@pct * 4}" height="13" fill="#1a7f37"/>
                <text x="526" y="{$y + 11}"><xsl:value-of select="@pct"/>%</text>
              </g>
            </xsl:for-each>
          </svg>
          <table class="numbers" id="rates-table">
            <caption class="vh"><t:s key="dchart.rates"/></caption>
            <thead><tr><th scope="col"><t:s key="dash.unit"/></th><th scope="col"><t:s key="dchart.ontime"/></th><th scope="col"><t:s key="dcard.total"/></th><th scope="col">%</th></tr></thead>
            <tbody>
              <xsl:for-each select="rates/unit">
                <tr data-unit="{@code}"><th scope="row"><xsl:value-of select="name"/> <small class="code"><xsl:value-of select="@code"/></small></th><td><xsl:value-of select="@g"/></td><td><xsl:value-of select="@t"/></td><td><xsl:value-of select="@pct"/></td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="dash.empty"/></xsl:with-param></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
