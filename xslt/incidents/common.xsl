<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/common.xsl — what the incidents views share; each view imports it
  (it imports the widgets and, through them, the layout).  Not a view itself: main.c's views[] does not name it.

    name="tabs"          the module's navigation: board, all incidents, notices, rectification notices, periods
    name="category"      an incident's category under its taxonomy version
    name="level"         a level 1-4 (0: not set) as Ⅰ级 …
    name="step-name"     a step code, level IV's written report named as such
    name="class"         a class of the clock as a chip
    name="option-label"  the widgets' hook: the words of inclevel, increport, incfirst
    name="unit-first"    the office's small form that names the unit first
    name="conflict-box"  the conflict notice of a 409
    name="inc-css"       the CSS the views share
  The rest (rows, time left, deadline, pager …) are the widgets' (../widgets.xsl).

  Per-row links use the literal /incidents/ (the module's base never changes).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../widgets.xsl"/>

  <xsl:variable name="role" select="/page/account/@role"/>

  <xsl:template name="tabs">
    <xsl:param name="here"/>
    <nav class="tabs">
      <xsl:attribute name="aria-label"><t:s key="inc.tabs"/></xsl:attribute>
      <a href="/incidents/">
        <xsl:if test="$here = 'board'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:s key="inc.tab_board"/>
      </a>
      <a href="/incidents/list">
        <xsl:if test="$here = 'list'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:s key="inc.tab_list"/>
      </a>
      <a href="/incidents/notices">
        <xsl:if test="$here = 'notices'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:s key="inc.tab_notices"/>
      </a>
      <a href="/incidents/rectify">
        <xsl:if test="$here = 'rectify'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:s key="inc.tab_rectify"/>
      </a>
      <a href="/incidents/periods">
        <xsl:if test="$here = 'periods'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:s key="inc.tab_periods"/>
      </a>
      <xsl:if test="$role = 'office' or $role = 'leader' or $role = 'auditor'">
        <a href="/incidents/export.xml"><t:s key="inc.export"/></a>
      </xsl:if>
    </nav>
  </xsl:template>

  <xsl:template name="category">
    <xsl:param name="tax"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$tax = 'gbz2007'"><t:label set="inccat7" select="$code"/></xsl:when>
      <xsl:otherwise><t:label set="inccat23" select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="level">
    <xsl:param name="l"/>
    <xsl:choose>
      <xsl:when test="not(string($l))"><t:label set="inclevel" select="'0'"/></xsl:when>
      <xsl:otherwise><t:label set="inclevel" select="$l"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A step's name; level IV's rectify step is its written report on the handling. -->
  <xsl:template name="step-name">
    <xsl:param name="kind"/>
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$kind = 'rectify' and $level = '4'"><t:s key="inc.rectify_simple"/></xsl:when>
      <xsl:otherwise><t:label set="incstep" select="$kind"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A class of the clock as a chip: in time or done, late or overdue, missed or concealed, not yet. -->
  <xsl:template name="class">
    <xsl:param name="c"/>
    <xsl:call-template name="chip">
      <xsl:with-param name="tone">
        <xsl:choose>
          <xsl:when test="$c = 'on_time' or $c = 'done'">ok</xsl:when>
          <xsl:when test="$c = 'late' or $c = 'overdue'">bad</xsl:when>
          <xsl:when test="$c = 'missed' or $c = 'concealed'">alarm</xsl:when>
          <xsl:otherwise>muted</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="text"><t:label set="incclass" select="$c"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The words of the module's option sets (the widgets' select-row and options). -->
  <xsl:template name="option-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$set = 'inclevel'"><t:label set="inclevel" select="$code"/></xsl:when>
      <xsl:when test="$set = 'increport'"><t:label set="increport" select="$code"/></xsl:when>
      <xsl:when test="$set = 'incstatus'"><t:label set="incstatus" select="$code"/></xsl:when>
      <xsl:otherwise><t:label set="incfirst" select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The office names the unit first, so the form below can offer its
    systems: a GET to action with the unit code as field name.  The code is
    picked from a datalist of the units (name and code shown; unitpick.h)
    when the page carries one; the server checks it all the same.
  -->
  <xsl:template name="unit-first">
    <xsl:param name="action"/>
    <xsl:param name="name"/>
    <form class="inline" method="get" action="{$action}">
      <label>
        <t:s key="incsheet.unit_first"/>
        <input name="{$name}" value="{$form/field[@name = $name]}" size="12">
          <xsl:if test="/page/data/units-pick">
            <xsl:attribute name="list">units-pick-<xsl:value-of select="$name"/></xsl:attribute>
            <xsl:attribute name="autocomplete">off</xsl:attribute>
          </xsl:if>
        </input>
      </label>
      <xsl:if test="/page/data/units-pick">
        <datalist id="units-pick-{$name}">
          <xsl:for-each select="/page/data/units-pick/u">
            <option value="{@code}"><xsl:value-of select="@name"/> (<xsl:value-of select="@code"/>)</option>
          </xsl:for-each>
        </datalist>
      </xsl:if>
      <button type="submit" class="secondary"><t:s key="incsheet.load_systems"/></button>
    </form>
  </xsl:template>

  <!-- The conflict notice of a 409: the version the form came from, the version now. -->
  <xsl:template name="conflict-box">
    <xsl:param name="now"/>
    <xsl:if test="/page/data/@conflict = '1'">
      <section class="conflict">
        <h2><t:s key="change.conflict_title"/></h2>
        <p>
          <t:s key="inc.conflict_versions">
            <t:arg name="mine"><xsl:value-of select="$form/@from-version"/></t:arg>
            <t:arg name="now"><xsl:value-of select="$now"/></t:arg>
          </t:s>
        </p>
        <xsl:if test="/page/messages/msg[@code = 'closed']">
          <p><t:s key="inc.closed_readonly"/></p>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="inc-css">
    <xsl:text>
.tabs{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0 0 1rem;padding-bottom:.35rem;border-bottom:1px solid var(--line)}
.tabs a{text-decoration:none;padding:.1rem 0;border-bottom:2px solid transparent}
.tabs a[aria-current]{border-bottom-color:var(--accent);font-weight:600}
fieldset.boxes{border:0;padding:0;margin:.6rem 0;display:grid;grid-template-columns:10rem minmax(0,40rem);gap:.25rem 1rem}
fieldset.boxes legend{float:left;font-weight:600;text-align:right;padding-top:.3rem}
fieldset.boxes .input{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding-top:.3rem}
form.step{border:1px solid var(--line);border-radius:4px;padding:.25rem 1rem .75rem;margin:0 0 1rem;background:var(--bg)}
form.step h3{margin-top:.6rem}
form.step .formbuttons{margin-left:11rem}
@media (max-width:40rem){fieldset.boxes{grid-template-columns:1fr}fieldset.boxes legend{text-align:left}form.step .formbuttons{margin-left:0}}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
