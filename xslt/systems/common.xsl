<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/common.xsl — what the systems views share; each view imports it
  (it imports the layout).  Not a view itself: main.c's views[] does not name it.

    name="field-label"   the layout's hook: the form's field names are the
                         set sysfield (name is a system's name, not a person's)
    name="msg-text"      the layout's, plus a unit code that is not a token
    name="code-label"    a code of set kind, hosting, status or level as text
    name="options"       <option>s for a space-separated list of codes, one selected
    name="sys-css"       the CSS the three views share

  Per-row links use the literal /systems/ (the module's base never changes):
  a plain attribute value is cheaper per row than one built from a variable.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../layout.xsl"/>

  <!-- May this account file and edit systems (unit staff, unit head, office)?  Leader and auditor read. -->
  <xsl:variable name="can-file">
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:if test="$r = 'office' or $r = 'unit_staff' or $r = 'unit_head'">1</xsl:if>
  </xsl:variable>

  <!-- The closed sets, in the order the form and the filters offer them. -->
  <xsl:variable name="kinds" select="'info_system website wechat_official wecom_app dingtalk_app mobile_app other'"/>
  <xsl:variable name="hostings" select="'cloud_vm hosted_server external'"/>
  <xsl:variable name="statuses" select="'planned building trial online retired'"/>
  <xsl:variable name="levels" select="'1 2 3 4'"/>

  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="sysfield" select="$name"/>
  </xsl:template>

  <xsl:template name="msg-text">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:param name="max" select="$form/field[@name = $name]/@max"/>
    <xsl:choose>
      <xsl:when test="$name = 'unit' and $code = 'token'">
        <t:s key="sform.unit_token"/>
      </xsl:when>
      <xsl:when test="$code = 'too_long' and string($max)">
        <t:s key="form.too_long_n"><t:arg name="n"><xsl:value-of select="$max"/></t:arg></t:s>
      </xsl:when>
      <xsl:otherwise>
        <t:label set="msg" select="$code"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- set: kind, hosting, status or level (0 or empty: not graded). -->
  <xsl:template name="code-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$set = 'kind'"><t:label set="syskind" select="$code"/></xsl:when>
      <xsl:when test="$set = 'hosting'"><t:label set="syshost" select="$code"/></xsl:when>
      <xsl:when test="$set = 'status'"><t:label set="sysstatus" select="$code"/></xsl:when>
      <xsl:when test="$set = 'level' and not(string($code))"><t:label set="syslevel" select="'0'"/></xsl:when>
      <xsl:when test="$set = 'level'"><t:label set="syslevel" select="$code"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One <option> per code of codes (space-separated), the one equal to value selected. -->
  <xsl:template name="options">
    <xsl:param name="set"/>
    <xsl:param name="codes"/>
    <xsl:param name="value"/>
    <xsl:if test="string($codes)">
      <xsl:variable name="c" select="substring-before(concat($codes, ' '), ' ')"/>
      <option value="{$c}">
        <xsl:if test="$c = string($value)">
          <xsl:attribute name="selected">selected</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="code-label">
          <xsl:with-param name="set" select="$set"/>
          <xsl:with-param name="code" select="$c"/>
        </xsl:call-template>
      </option>
      <xsl:call-template name="options">
        <xsl:with-param name="set" select="$set"/>
        <xsl:with-param name="codes" select="substring-after($codes, ' ')"/>
        <xsl:with-param name="value" select="$value"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="sys-css">
    <xsl:text>
.crumbs{margin:0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.code,td.code{font-family:ui-monospace,Consolas,monospace;font-size:.9rem}
span.code{margin-left:.4rem;color:var(--muted)}
small.dates{display:block;color:var(--muted);font-size:.85rem;white-space:nowrap}
tr.overdue td{background:var(--badbg)}
abbr.cii{text-decoration:none;border:1px solid var(--bad);color:var(--bad);border-radius:3px;padding:0 .3rem;font-size:.85rem;white-space:nowrap}
dl.facts{display:grid;grid-template-columns:10rem minmax(0,1fr);gap:.35rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:600;text-align:right}
dl.facts dd{margin:0}
.multi{white-space:pre-line}
@media (max-width:40rem){dl.facts{grid-template-columns:1fr}dl.facts dt{text-align:left}}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
