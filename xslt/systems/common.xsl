<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/common.xsl — what the systems views share; each view imports it
  (it imports the widgets and, through them, the layout).  Not a view itself: main.c's views[] does not name it.

    name="field-label"   the widgets' hook: the form's field names are the
                         set sysfield (name is a system's name, not a person's)
    name="msg-own"       the widgets' hook: a unit code that is not a token
    name="error-own"     the widgets' hook: the go-live gate's reason under status
    name="code-label"    a code of set kind, hosting, status or level as text
    name="option-label"  the widgets' hook: options of those sets by code-label
    name="sys-css"       the CSS the views share
  The rest (rows, options, the pager …) are the widgets' (../widgets.xsl).

  Per-row links use the literal /systems/ (the module's base never changes):
  a plain attribute value is cheaper per row than one built from a variable.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../widgets.xsl"/>

  <!-- May this account file and edit systems (unit staff, unit head, office)?  Leader and auditor read. -->
  <xsl:variable name="can-file">
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:if test="$r = 'office' or $r = 'unit_staff' or $r = 'unit_head'">1</xsl:if>
  </xsl:variable>

  <!-- The closed sets, in the order the form and the filters offer them. -->
  <xsl:variable name="kinds" select="'info_system website wechat_official wecom_app dingtalk_app mobile_app other'"/>
  <xsl:variable name="hostings" select="'cloud_vm hosted_server external campus'"/>
  <xsl:variable name="statuses" select="'planned building trial online retired'"/>
  <xsl:variable name="levels" select="'1 2 3 4'"/>

  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="sysfield" select="$name"/>
  </xsl:template>

  <!-- The widgets' hook: a unit code that is not a token. -->
  <xsl:template name="msg-own">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:if test="$name = 'unit' and $code = 'token'">
      <t:s key="sform.unit_token"/>
    </xsl:if>
  </xsl:template>

  <!-- The widgets' hook: the go-live gate on status stands out with its reason. -->
  <xsl:template name="error-own">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:if test="$code = 'sys_gate'">
      <div class="gate" id="e-{$name}" role="alert">
        <p><strong><t:label set="msg" select="'sys_gate'"/></strong></p>
        <xsl:if test="not(/page/data/current)">
          <p><t:s key="sform.gate_new"/></p>
        </xsl:if>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- set: kind, hosting, status, result or level (0 or empty: not graded). -->
  <xsl:template name="code-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$set = 'kind'"><t:label set="syskind" select="$code"/></xsl:when>
      <xsl:when test="$set = 'hosting'"><t:label set="syshost" select="$code"/></xsl:when>
      <xsl:when test="$set = 'status'"><t:label set="sysstatus" select="$code"/></xsl:when>
      <xsl:when test="$set = 'result'"><t:label set="sysresult" select="$code"/></xsl:when>
      <xsl:when test="$set = 'level' and not(string($code))"><t:label set="syslevel" select="'0'"/></xsl:when>
      <xsl:when test="$set = 'level'"><t:label set="syslevel" select="$code"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The widgets' hook: options and select-row label the codes of these sets. -->
  <xsl:template name="option-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:call-template name="code-label">
      <xsl:with-param name="set" select="$set"/>
      <xsl:with-param name="code" select="$code"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="sys-css">
    <xsl:text>
span.code{margin-left:.4rem;color:var(--muted)}
small.dates{white-space:nowrap}
abbr.cii{text-decoration:none;border:1px solid var(--bad);color:var(--bad);border-radius:3px;padding:0 .3rem;font-size:.85rem;white-space:nowrap}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
