<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/common.xsl — what the incidents views share; each view imports it
  (it imports the layout).  Not a view itself: main.c's views[] does not name it.

    name="tabs"        the module's navigation: board, all incidents, notices, periods
    name="time"        a DATETIME as "YYYY-MM-DD HH:MM" (seconds only when not 0)
    name="left"        seconds left (negative: overdue) as days, hours, minutes
    name="category"    an incident's category under its taxonomy version
    name="level"       a level 1-4 (0: not set) as Ⅰ级 …
    name="step-name"   a step code, level IV's written report named as such
    name="class"       a class of the clock as a marked word
    name="area"        a textarea row of /page/data/form (the layout has inputs only)
    name="dt-row"      a date-time input row (text when what was typed is no date-time)
    name="options"     <option>s for space-separated codes of a label set, one selected
    name="inc-css"     the CSS the views share

  Per-row links use the literal /incidents/ (the module's base never changes).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../layout.xsl"/>

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
      <a href="/incidents/periods">
        <xsl:if test="$here = 'periods'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:s key="inc.tab_periods"/>
      </a>
      <xsl:if test="$role = 'office' or $role = 'leader' or $role = 'auditor'">
        <a href="/incidents/export.xml"><t:s key="inc.export"/></a>
      </xsl:if>
    </nav>
  </xsl:template>

  <xsl:template name="time">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="substring($t, 17) = ':00' or string-length($t) = 16">
        <xsl:value-of select="substring($t, 1, 16)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "2 天 3 小时 5 分" left, or overdue by as much; s in seconds -->
  <xsl:template name="left">
    <xsl:param name="s"/>
    <xsl:variable name="a">
      <xsl:choose>
        <xsl:when test="$s &lt; 0"><xsl:value-of select="-$s"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="m" select="floor($a div 60)"/>
    <xsl:variable name="span">
      <xsl:if test="$m &gt;= 1440">
        <t:s key="inc.days"><t:arg name="n"><xsl:value-of select="floor($m div 1440)"/></t:arg></t:s>
      </xsl:if>
      <xsl:if test="$m &gt;= 60">
        <t:s key="inc.hours"><t:arg name="n"><xsl:value-of select="floor(($m mod 1440) div 60)"/></t:arg></t:s>
      </xsl:if>
      <t:s key="inc.minutes"><t:arg name="n"><xsl:value-of select="$m mod 60"/></t:arg></t:s>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$s &lt; 0">
        <span class="late"><t:s key="inc.overdue_by"><t:arg name="span"><xsl:value-of select="$span"/></t:arg></t:s></span>
      </xsl:when>
      <xsl:otherwise>
        <t:s key="inc.left"><t:arg name="span"><xsl:value-of select="$span"/></t:arg></t:s>
      </xsl:otherwise>
    </xsl:choose>
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

  <xsl:template name="class">
    <xsl:param name="c"/>
    <span class="cls cls-{$c}"><t:label set="incclass" select="$c"/></span>
  </xsl:template>

  <!-- A textarea with its label and error, the typed text kept. -->
  <xsl:template name="area">
    <xsl:param name="name"/>
    <xsl:param name="rows" select="4"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="hint"/>
    <xsl:variable name="f" select="$form/field[@name = $name]"/>
    <div class="field wide">
      <xsl:if test="string($f/@error)">
        <xsl:attribute name="class">field wide invalid</xsl:attribute>
      </xsl:if>
      <label for="f-{$name}">
        <t:label set="field" select="$name"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
      </label>
      <div class="input">
        <textarea id="f-{$name}" name="{$name}" rows="{$rows}">
          <xsl:value-of select="$f"/>
        </textarea>
        <xsl:if test="string($f/@error)">
          <p class="ferr" id="e-{$name}">
            <xsl:call-template name="msg-text">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="code" select="$f/@error"/>
            </xsl:call-template>
          </p>
        </xsl:if>
        <xsl:if test="string($hint)">
          <p class="hint"><xsl:copy-of select="$hint"/></p>
        </xsl:if>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="dt-row">
    <xsl:param name="name"/>
    <xsl:param name="required" select="true()"/>
    <xsl:param name="hint"/>
    <xsl:variable name="err" select="string($form/field[@name = $name]/@error)"/>
    <xsl:call-template name="field-row">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="hint" select="$hint"/>
      <xsl:with-param name="type">
        <xsl:choose>
          <xsl:when test="$err = 'datetime'">text</xsl:when>
          <xsl:otherwise>datetime-local</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- <option>s of the label set for the space-separated codes, value selected. -->
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
        <xsl:choose>
          <xsl:when test="$set = 'inclevel'"><t:label set="inclevel" select="$c"/></xsl:when>
          <xsl:when test="$set = 'increport'"><t:label set="increport" select="$c"/></xsl:when>
          <xsl:otherwise><t:label set="incfirst" select="$c"/></xsl:otherwise>
        </xsl:choose>
      </option>
      <xsl:call-template name="options">
        <xsl:with-param name="set" select="$set"/>
        <xsl:with-param name="codes" select="substring-after($codes, ' ')"/>
        <xsl:with-param name="value" select="$value"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A labelled select of /page/data/form's field name over the codes of a label set. -->
  <xsl:template name="select-row">
    <xsl:param name="name"/>
    <xsl:param name="set"/>
    <xsl:param name="codes"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="hint"/>
    <xsl:param name="value" select="string($form/field[@name = $name])"/>
    <xsl:variable name="f" select="$form/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="string($f/@error)">
        <xsl:attribute name="class">field invalid</xsl:attribute>
      </xsl:if>
      <label for="f-{$name}">
        <t:label set="field" select="$name"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
      </label>
      <div class="input">
        <select id="f-{$name}" name="{$name}">
          <xsl:if test="not($required) or not(string($value))">
            <option value=""><t:s key="inc.choose"/></option>
          </xsl:if>
          <xsl:call-template name="options">
            <xsl:with-param name="set" select="$set"/>
            <xsl:with-param name="codes" select="$codes"/>
            <xsl:with-param name="value" select="$value"/>
          </xsl:call-template>
        </select>
        <xsl:if test="string($f/@error)">
          <p class="ferr" id="e-{$name}">
            <xsl:call-template name="msg-text">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="code" select="$f/@error"/>
            </xsl:call-template>
          </p>
        </xsl:if>
        <xsl:if test="string($hint)">
          <p class="hint"><xsl:copy-of select="$hint"/></p>
        </xsl:if>
      </div>
    </div>
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
.crumbs{margin:0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.tabs{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0 0 1rem;padding-bottom:.35rem;border-bottom:1px solid var(--line)}
.tabs a{text-decoration:none;padding:.1rem 0;border-bottom:2px solid transparent}
.tabs a[aria-current]{border-bottom-color:var(--accent);font-weight:600}
.code,td.code{font-family:ui-monospace,Consolas,monospace;font-size:.9rem}
tr.overdue td{background:var(--badbg)}
.cls{white-space:nowrap;font-weight:600}
.cls-on_time,.cls-done{color:var(--ok)}
.cls-late,.cls-overdue{color:var(--bad)}
.cls-missed,.cls-concealed{color:#fff;background:var(--bad);border-radius:3px;padding:0 .3rem}
.cls-na,.cls-waiting,.cls-pending{color:var(--muted);font-weight:400}
dl.facts{display:grid;grid-template-columns:10rem minmax(0,1fr);gap:.35rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:600;text-align:right}
dl.facts dd{margin:0}
.multi{white-space:pre-line}
.field.wide{grid-template-columns:10rem minmax(0,40rem)}
.field.wide textarea{width:100%;font:inherit;line-height:1.6}
fieldset.boxes{border:0;padding:0;margin:.6rem 0;display:grid;grid-template-columns:10rem minmax(0,40rem);gap:.25rem 1rem}
fieldset.boxes legend{float:left;font-weight:600;text-align:right;padding-top:.3rem}
fieldset.boxes .input{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding-top:.3rem}
form.step{border:1px solid var(--line);border-radius:4px;padding:.25rem 1rem .75rem;margin:0 0 1rem;background:var(--bg)}
form.step h3{margin-top:.6rem}
form.step .formbuttons{margin-left:11rem}
small.dates{display:block;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){dl.facts,.field.wide,fieldset.boxes{grid-template-columns:1fr}dl.facts dt,fieldset.boxes legend{text-align:left}form.step .formbuttons{margin-left:0}}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
