<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/common.xsl — what the systems views share; each view imports it
  (it imports the layout).  Not a view itself: main.c's views[] does not name it.

    name="field-label"   the layout's hook: the form's field names are the
                         set sysfield (name is a system's name, not a person's)
    name="msg-text"      the layout's, plus a unit code that is not a token
    name="code-label"    a code of set kind, hosting, status or level as text
    name="options"       <option>s for a space-separated list of codes, one selected
    name="select-row"    a labelled select of /page/data/form; the gate's reason under status
    name="choose-one"    the empty first option of a required select
    name="area-row"      a labelled textarea of /page/data/form, like the layout's field-row
    name="static-row"    a field shown, not offered (the form's, for a unit's staff)
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

  <!-- A labelled textarea of /page/data/form, the typed text kept. -->
  <xsl:template name="area-row">
    <xsl:param name="name"/>
    <xsl:param name="rows" select="3"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="hint"/>
    <xsl:variable name="f" select="$form/field[@name = $name]"/>
    <xsl:variable name="err" select="string($f/@error)"/>
    <div class="field">
      <xsl:if test="$err">
        <xsl:attribute name="class">field invalid</xsl:attribute>
      </xsl:if>
      <label for="f-{$name}">
        <xsl:call-template name="field-label">
          <xsl:with-param name="name" select="$name"/>
        </xsl:call-template>
        <xsl:if test="$required">
          <span class="req" aria-hidden="true">*</span>
        </xsl:if>
      </label>
      <div class="input">
        <textarea id="f-{$name}" name="{$name}" rows="{$rows}">
          <xsl:if test="$err">
            <xsl:attribute name="aria-invalid">true</xsl:attribute>
            <xsl:attribute name="aria-describedby">e-<xsl:value-of select="$name"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$f"/>
        </textarea>
        <xsl:if test="$err">
          <p class="ferr" id="e-{$name}">
            <xsl:call-template name="msg-text">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="code" select="$err"/>
            </xsl:call-template>
          </p>
        </xsl:if>
        <xsl:if test="string($hint)">
          <p class="hint"><xsl:copy-of select="$hint"/></p>
        </xsl:if>
      </div>
    </div>
  </xsl:template>

  <!-- A field shown, not offered: its label, the value (a fragment), a note. -->
  <xsl:template name="static-row">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="hint"/>
    <div class="field">
      <span class="label">
        <xsl:call-template name="field-label">
          <xsl:with-param name="name" select="$name"/>
        </xsl:call-template>
      </span>
      <div class="input">
        <p class="static"><xsl:copy-of select="$value"/></p>
        <xsl:if test="string($hint)">
          <p class="hint"><xsl:copy-of select="$hint"/></p>
        </xsl:if>
      </div>
    </div>
  </xsl:template>

  <!-- The empty first option of a required select, chosen while nothing is. -->
  <xsl:template name="choose-one">
    <xsl:param name="name"/>
    <xsl:if test="not(string($form/field[@name = $name]))">
      <option value="" selected="selected"><t:s key="sform.choose"/></option>
    </xsl:if>
  </xsl:template>

  <!--
    A labelled select of /page/data/form, like the layout's field-row:
    options is a result tree fragment of <option>s (the chosen one selected),
    the error under it.  The gate error on status stands out with its reason.
  -->
  <xsl:template name="select-row">
    <xsl:param name="name"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="options"/>
    <xsl:param name="hint"/>
    <xsl:variable name="err" select="string($form/field[@name = $name]/@error)"/>
    <div class="field">
      <xsl:if test="$err">
        <xsl:attribute name="class">field invalid</xsl:attribute>
      </xsl:if>
      <label for="f-{$name}">
        <xsl:call-template name="field-label">
          <xsl:with-param name="name" select="$name"/>
        </xsl:call-template>
        <xsl:if test="$required">
          <span class="req" aria-hidden="true">*</span>
        </xsl:if>
      </label>
      <div class="input">
        <select id="f-{$name}" name="{$name}">
          <xsl:if test="$required">
            <xsl:attribute name="required">required</xsl:attribute>
          </xsl:if>
          <xsl:if test="$err">
            <xsl:attribute name="aria-invalid">true</xsl:attribute>
            <xsl:attribute name="aria-describedby">e-<xsl:value-of select="$name"/></xsl:attribute>
          </xsl:if>
          <xsl:copy-of select="$options"/>
        </select>
        <xsl:choose>
          <xsl:when test="$err = 'sys_gate'">
            <div class="gate" id="e-{$name}" role="alert">
              <p><strong><t:label set="msg" select="'sys_gate'"/></strong></p>
              <xsl:if test="not(/page/data/current)">
                <p><t:s key="sform.gate_new"/></p>
              </xsl:if>
            </div>
          </xsl:when>
          <xsl:when test="$err">
            <p class="ferr" id="e-{$name}">
              <xsl:call-template name="msg-text">
                <xsl:with-param name="name" select="$name"/>
                <xsl:with-param name="code" select="$err"/>
              </xsl:call-template>
            </p>
            <xsl:if test="string($hint)"><p class="hint"><xsl:copy-of select="$hint"/></p></xsl:if>
          </xsl:when>
          <xsl:when test="string($hint)">
            <p class="hint"><xsl:copy-of select="$hint"/></p>
          </xsl:when>
        </xsl:choose>
      </div>
    </div>
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
.field textarea{width:100%;font:inherit;padding:.3rem .45rem;border:1px solid #8c959f;border-radius:3px;background:#fff;resize:vertical}
.field textarea:focus{outline:2px solid var(--accent);outline-offset:1px}
.field.invalid textarea{border-color:var(--bad);background:#fffafa}
@media (max-width:40rem){dl.facts{grid-template-columns:1fr}dl.facts dt{text-align:left}}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
