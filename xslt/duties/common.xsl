<?xml version="1.0" encoding="UTF-8"?>
<!--
  duties/common.xsl — what the duties views share; each view imports it (it
  imports the widgets and, through them, the layout).  Not a view itself.

    name="field-label"   the widgets' hook: a figure's field (fig_CODE) is
                         labelled by the figure's own label; others by dufield
    name="msg-own"       the widgets' hook: a figure out of its range names
                         the range
    name="stand"         where an instance stands, as a chip
    name="fig-unit"      a figure's unit (hours, percent, count, wan_yuan)
    name="du-css"        the CSS the views share
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../widgets.xsl"/>

  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <xsl:variable name="fig" select="/page/data/instance/figures/figure[concat('fig_', @code) = $name]"/>
    <xsl:choose>
      <xsl:when test="$fig"><xsl:value-of select="$fig/label"/></xsl:when>
      <xsl:otherwise><t:label set="dufield" select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="msg-own">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:variable name="fig" select="/page/data/instance/figures/figure[concat('fig_', @code) = $name]"/>
    <xsl:if test="$fig and $code = 'du_range'">
      <t:s key="du.range">
        <t:arg name="min"><xsl:value-of select="$fig/@min"/></t:arg>
        <t:arg name="max"><xsl:value-of select="$fig/@max"/></t:arg>
      </t:s>
    </xsl:if>
    <xsl:if test="$fig and $code = 'du_number'">
      <t:s key="du.number">
        <t:arg name="n"><xsl:value-of select="$fig/@decimals"/></t:arg>
      </t:s>
    </xsl:if>
  </xsl:template>

  <xsl:template name="stand">
    <xsl:param name="s"/>
    <xsl:call-template name="chip">
      <xsl:with-param name="tone">
        <xsl:choose>
          <xsl:when test="$s = 'done'">ok</xsl:when>
          <xsl:when test="$s = 'overdue'">alarm</xsl:when>
          <xsl:when test="$s = 'returned'">bad</xsl:when>
          <xsl:when test="$s = 'submitted'">warn</xsl:when>
          <xsl:otherwise>muted</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="text"><t:label set="dustand" select="$s"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="fig-unit">
    <xsl:param name="u"/>
    <t:label set="duunit" select="$u"/>
  </xsl:template>

  <xsl:template name="du-css">
    <xsl:text>
table.duties td.num{text-align:right;white-space:nowrap}
table.figures td.num{text-align:right}
.met{color:var(--ok);font-weight:600}
.unmet{color:var(--bad);font-weight:600}
form.duty{max-width:48rem;margin:.5rem 0 1.5rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
