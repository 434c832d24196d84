<?xml version="1.0" encoding="UTF-8"?>
<!--
  widgets.xsl — the one widget set every view builds with.  Each module's
  stylesheets import it (a module's common.xsl, or the view itself), and it
  imports the page shell (layout.xsl), so a view needs this one import.

  Form rows, on /page/data/form (field NAME, its value, @error, @max):
    field-row      a labelled input           dt-row     a date-time input
    area-row       a labelled textarea        check-row  a checkbox
    select-row     a labelled select          static-row a value shown, not offered
    options        <option>s of space-separated codes, one selected
    choose-one     the empty first option of a required select
    hidden, csrf   hidden inputs             compare    a row of a 409's table
  Hooks a module or view overrides:
    field-label    the label of a field (default: the string field.NAME)
    msg-own        wording of its own for a field's code (default: none)
    error-own      markup of its own for a field's error (default: none)
    option-label   the text of an option's code (default: the code)
  Lists and records:
    chip           a status as a coloured word (tone ok, bad, warn, alarm, muted)
    time           a DATETIME as "YYYY-MM-DD HH:MM" (seconds only when not 0)
    left           seconds left (negative: overdue) as days, hours, minutes
    deadline       the deadline cell: the due date or time, marked when past,
                   the time left under it, and a note
    filter-form    a list's filter bar: the controls, apply, clear, links
    filter-select  one select of it; filter-check one checkbox of it
    empty          the notice of a list with nothing to show
    pager          the pager: first, previous and next pages, the count
    yes-no         1 as yes, anything else as no
    unit-label     a unit's name and code as one phrase, "名称（代码）"
    reads-all      1 when the account reads every unit
    widgets-css    the widgets' CSS (the layout includes it)

  Rows compiled by r:for-each (core/rows.h) cannot call templates: they
  write the same markup as chip and deadline with these class names.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="layout.xsl"/>

  <!--
    A unit as one phrase, "计算机与软件学院（C-CS）" / "School of … (C-CS)":
    the one way a unit's name and code are shown together, so they never
    run into each other (the blank between two elements in a stylesheet is
    dropped, which gave "计算机与软件学院C-CS").  Without a code, the name.
  -->
  <xsl:template name="unit-label">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <span class="unit-label">
      <xsl:choose>
        <xsl:when test="string($code)">
          <t:s key="widgets.unit_code">
            <t:arg name="name"><xsl:value-of select="$name"/></t:arg>
            <t:arg name="code"><span class="ucode"><xsl:value-of select="$code"/></span></t:arg>
          </t:s>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- ==== form rows ======================================================= -->

  <!--
    A form field's label: the string field.NAME.  A module whose field names
    need words of their own (systems: name is a system's name, not a
    person's) overrides this; the rows, the conflict table and the layout's
    message summary all ask here.
  -->
  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="field" select="$name"/>
  </xsl:template>

  <!-- A view's own wording for a field's code; empty: the usual text. -->
  <xsl:template name="msg-own">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
  </xsl:template>

  <!--
    The text of a validation code: the view's own (msg-own), else too_long
    naming the limit when the field carries max="N" (or the caller passes
    max), else the string msg.CODE.
  -->
  <xsl:template name="msg-text">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:param name="max" select="$form/field[@name = $name]/@max"/>
    <xsl:variable name="own">
      <xsl:call-template name="msg-own">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="code" select="$code"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($own)"><xsl:copy-of select="$own"/></xsl:when>
      <xsl:when test="$code = 'too_long' and string($max)">
        <t:s key="form.too_long_n"><t:arg name="n"><xsl:value-of select="$max"/></t:arg></t:s>
      </xsl:when>
      <xsl:otherwise>
        <t:label set="msg" select="$code"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A view's own markup for a field's error; empty: the usual paragraph. -->
  <xsl:template name="error-own">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
  </xsl:template>

  <!-- The error under a field, id e-NAME for aria-describedby (or the view's error-own). -->
  <xsl:template name="field-error">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:param name="max" select="$form/field[@name = $name]/@max"/>
    <xsl:variable name="own">
      <xsl:call-template name="error-own">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="code" select="$code"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($own)"><xsl:copy-of select="$own"/></xsl:when>
      <xsl:otherwise>
        <p class="ferr" id="e-{$name}">
          <xsl:call-template name="msg-text">
            <xsl:with-param name="name" select="$name"/>
            <xsl:with-param name="code" select="$code"/>
            <xsl:with-param name="max" select="$max"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label of a row: the field's label, the required marker. -->
  <xsl:template name="row-label">
    <xsl:param name="name"/>
    <xsl:param name="required"/>
    <label for="f-{$name}">
      <xsl:call-template name="field-label">
        <xsl:with-param name="name" select="$name"/>
      </xsl:call-template>
      <xsl:if test="$required">
        <span class="req" aria-hidden="true">*</span>
      </xsl:if>
    </label>
  </xsl:template>

  <!-- What follows a row's control: the error, then the hint. -->
  <xsl:template name="row-notes">
    <xsl:param name="name"/>
    <xsl:param name="err"/>
    <xsl:param name="max" select="$form/field[@name = $name]/@max"/>
    <xsl:param name="hint"/>
    <xsl:if test="string($err)">
      <xsl:call-template name="field-error">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="code" select="$err"/>
        <xsl:with-param name="max" select="$max"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="string($hint)">
      <p class="hint"><xsl:copy-of select="$hint"/></p>
    </xsl:if>
  </xsl:template>

  <!-- aria-invalid and aria-describedby on a control whose field has an error. -->
  <xsl:template name="aria-error">
    <xsl:param name="name"/>
    <xsl:param name="err"/>
    <xsl:if test="string($err)">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
      <xsl:attribute name="aria-describedby">e-<xsl:value-of select="$name"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!--
    One labelled input of /page/data/form: the value is what the user sent
    (or the prefill), the error code is shown right under the input.
      name      the field's name (its label: field-label)
      type      text, tel, email, date …; a date that failed to parse is
                shown as text so the user sees what they typed
      required  true() adds the marker and the attribute
      max       the length limit, for the too_long message
      hint      a result tree fragment shown under the input
  -->
  <xsl:template name="field-row">
    <xsl:param name="name"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="max" select="''"/>
    <xsl:param name="autocomplete" select="''"/>
    <xsl:param name="hint"/>
    <xsl:variable name="f" select="$form/field[@name = $name]"/>
    <xsl:variable name="err" select="string($f/@error)"/>
    <div class="field">
      <xsl:if test="$err">
        <xsl:attribute name="class">field invalid</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="row-label">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="required" select="$required"/>
      </xsl:call-template>
      <div class="input">
        <input id="f-{$name}" name="{$name}" value="{$f}">
          <xsl:attribute name="type">
            <xsl:choose>
              <xsl:when test="$type = 'date' and $err = 'date'">text</xsl:when>
              <xsl:otherwise><xsl:value-of select="$type"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="$required">
            <xsl:attribute name="required">required</xsl:attribute>
          </xsl:if>
          <xsl:if test="string($autocomplete)">
            <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
          </xsl:if>
          <xsl:call-template name="aria-error">
            <xsl:with-param name="name" select="$name"/>
            <xsl:with-param name="err" select="$err"/>
          </xsl:call-template>
        </input>
        <xsl:call-template name="row-notes">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="err" select="$err"/>
          <xsl:with-param name="max">
            <xsl:choose>
              <xsl:when test="$f/@max"><xsl:value-of select="$f/@max"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$max"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="hint" select="$hint"/>
        </xsl:call-template>
      </div>
    </div>
  </xsl:template>

  <!-- A date-time input row; text when what was typed is no date-time. -->
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

  <!-- A labelled textarea of /page/data/form, the typed text kept. -->
  <xsl:template name="area-row">
    <xsl:param name="name"/>
    <xsl:param name="rows" select="4"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="hint"/>
    <xsl:variable name="f" select="$form/field[@name = $name]"/>
    <xsl:variable name="err" select="string($f/@error)"/>
    <div class="field wide">
      <xsl:if test="$err">
        <xsl:attribute name="class">field wide invalid</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="row-label">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="required" select="$required"/>
      </xsl:call-template>
      <div class="input">
        <textarea id="f-{$name}" name="{$name}" rows="{$rows}">
          <xsl:call-template name="aria-error">
            <xsl:with-param name="name" select="$name"/>
            <xsl:with-param name="err" select="$err"/>
          </xsl:call-template>
          <xsl:value-of select="$f"/>
        </textarea>
        <xsl:call-template name="row-notes">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="err" select="$err"/>
          <xsl:with-param name="hint" select="$hint"/>
        </xsl:call-template>
      </div>
    </div>
  </xsl:template>

  <!--
    A checkbox of /page/data/form (value 1 when ticked): the field's label,
    the box with its text (box, a result tree fragment), the error under it.
  -->
  <xsl:template name="check-row">
    <xsl:param name="name"/>
    <xsl:param name="box"/>
    <xsl:variable name="f" select="$form/field[@name = $name]"/>
    <xsl:variable name="err" select="string($f/@error)"/>
    <div class="field">
      <xsl:if test="$err">
        <xsl:attribute name="class">field invalid</xsl:attribute>
      </xsl:if>
      <span class="label">
        <xsl:call-template name="field-label">
          <xsl:with-param name="name" select="$name"/>
        </xsl:call-template>
      </span>
      <div class="input">
        <label class="check">
          <input type="checkbox" id="f-{$name}" name="{$name}" value="1">
            <xsl:if test="$f = '1'">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
          </input>
          <xsl:text> </xsl:text>
          <xsl:copy-of select="$box"/>
        </label>
        <xsl:call-template name="row-notes">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="err" select="$err"/>
        </xsl:call-template>
      </div>
    </div>
  </xsl:template>

  <!--
    A labelled select of /page/data/form.  The choices are either codes
    (space-separated) of set, labelled by option-label, with an empty first
    option while the field is optional or nothing is chosen; or options, a
    result tree fragment of <option>s (the chosen one selected).
  -->
  <xsl:template name="select-row">
    <xsl:param name="name"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="set" select="''"/>
    <xsl:param name="codes" select="''"/>
    <xsl:param name="options"/>
    <xsl:param name="hint"/>
    <xsl:param name="value" select="string($form/field[@name = $name])"/>
    <xsl:variable name="err" select="string($form/field[@name = $name]/@error)"/>
    <div class="field">
      <xsl:if test="$err">
        <xsl:attribute name="class">field invalid</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="row-label">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="required" select="$required"/>
      </xsl:call-template>
      <div class="input">
        <select id="f-{$name}" name="{$name}">
          <xsl:if test="$required">
            <xsl:attribute name="required">required</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="aria-error">
            <xsl:with-param name="name" select="$name"/>
            <xsl:with-param name="err" select="$err"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="string($codes)">
              <xsl:if test="not($required) or not(string($value))">
                <option value=""><t:s key="w.choose"/></option>
              </xsl:if>
              <xsl:call-template name="options">
                <xsl:with-param name="set" select="$set"/>
                <xsl:with-param name="codes" select="$codes"/>
                <xsl:with-param name="value" select="$value"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:copy-of select="$options"/></xsl:otherwise>
          </xsl:choose>
        </select>
        <xsl:call-template name="row-notes">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="err" select="$err"/>
          <xsl:with-param name="hint" select="$hint"/>
        </xsl:call-template>
      </div>
    </div>
  </xsl:template>

  <!-- The text of a code of set in an option; modules say their sets' words. -->
  <xsl:template name="option-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <xsl:value-of select="$code"/>
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
        <xsl:call-template name="option-label">
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

  <!-- The empty first option of a required select, chosen while nothing is. -->
  <xsl:template name="choose-one">
    <xsl:param name="name"/>
    <xsl:if test="not(string($form/field[@name = $name]))">
      <option value="" selected="selected"><t:s key="w.choose"/></option>
    </xsl:if>
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

  <!--
    One row of a conflict table (<table class="compare"> in <section
    class="conflict">): the field's label, the record now, the user's value
    (mine: the form field's unless given), marked where they differ.
  -->
  <xsl:template name="compare">
    <xsl:param name="name"/>
    <xsl:param name="now"/>
    <xsl:param name="mine" select="string($form/field[@name = $name])"/>
    <tr>
      <xsl:if test="string($now) != string($mine)">
        <xsl:attribute name="class">differs</xsl:attribute>
      </xsl:if>
      <th scope="row">
        <xsl:call-template name="field-label">
          <xsl:with-param name="name" select="$name"/>
        </xsl:call-template>
      </th>
      <td>
        <xsl:value-of select="$now"/>
        <xsl:if test="not(string($now))"><span class="muted">—</span></xsl:if>
      </td>
      <td>
        <xsl:value-of select="$mine"/>
        <xsl:if test="not(string($mine))"><span class="muted">—</span></xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- A hidden input carrying a form field as it came; value overrides it. -->
  <xsl:template name="hidden">
    <xsl:param name="name"/>
    <xsl:param name="value" select="$form/field[@name = $name]"/>
    <input type="hidden" name="{$name}" value="{$value}"/>
  </xsl:template>

  <xsl:template name="csrf">
    <input type="hidden" name="csrf" value="{/page/csrf}"/>
  </xsl:template>

  <xsl:template name="yes-no">
    <xsl:param name="on"/>
    <xsl:choose>
      <xsl:when test="string($on) = '1'"><t:s key="w.yes"/></xsl:when>
      <xsl:otherwise><t:s key="w.no"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Does the account read every unit (office, leading group, auditor)? -->
  <xsl:template name="reads-all">
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:if test="$r = 'office' or $r = 'leader' or $r = 'auditor'">1</xsl:if>
  </xsl:template>

  <!-- ==== lists and records =============================================== -->

  <!-- A status as a word in its tone's colour: ok, bad, warn, alarm (white on red), muted. -->
  <xsl:template name="chip">
    <xsl:param name="tone"/>
    <xsl:param name="text"/>
    <span class="chip chip-{$tone}"><xsl:copy-of select="$text"/></span>
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
        <t:s key="w.days"><t:arg name="n"><xsl:value-of select="floor($m div 1440)"/></t:arg></t:s>
      </xsl:if>
      <xsl:if test="$m &gt;= 60">
        <t:s key="w.hours"><t:arg name="n"><xsl:value-of select="floor(($m mod 1440) div 60)"/></t:arg></t:s>
      </xsl:if>
      <t:s key="w.minutes"><t:arg name="n"><xsl:value-of select="$m mod 60"/></t:arg></t:s>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$s &lt; 0">
        <span class="late"><t:s key="w.overdue_by"><t:arg name="span"><xsl:value-of select="$span"/></t:arg></t:s></span>
      </xsl:when>
      <xsl:otherwise>
        <t:s key="w.left"><t:arg name="span"><xsl:value-of select="$span"/></t:arg></t:s>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The deadline cell.
      due      a DATE or DATETIME; empty: none (then none, a fragment, shows)
      left     seconds left, negative when overdue; empty when not counted
      overdue  true() marks the due date late (default: left below zero);
               without left it also says so in words
      note     a fragment under it (which rule set the date …)
  -->
  <xsl:template name="deadline">
    <xsl:param name="due"/>
    <xsl:param name="left" select="''"/>
    <xsl:param name="overdue" select="string($left) != '' and number($left) &lt; 0"/>
    <xsl:param name="note"/>
    <xsl:param name="none"/>
    <xsl:choose>
      <xsl:when test="not(string($due))">
        <span class="muted"><xsl:copy-of select="$none"/></span>
      </xsl:when>
      <xsl:when test="$overdue">
        <span class="due late">
          <xsl:call-template name="time"><xsl:with-param name="t" select="$due"/></xsl:call-template>
          <xsl:if test="not(string($left))">
            <xsl:text> </xsl:text>
            <t:s key="w.overdue"/>
          </xsl:if>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="due">
          <xsl:call-template name="time"><xsl:with-param name="t" select="$due"/></xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="string($due) and string($left)">
      <small class="dates"><xsl:call-template name="left"><xsl:with-param name="s" select="$left"/></xsl:call-template></small>
    </xsl:if>
    <xsl:if test="string($note)">
      <small class="dates"><xsl:copy-of select="$note"/></small>
    </xsl:if>
  </xsl:template>

  <!--
    A list's filter bar (GET to action): fields (filter-select,
    filter-check or any labelled control), the apply button, the clear link
    when clear is given (some filter is set), then links.
  -->
  <xsl:template name="filter-form">
    <xsl:param name="action"/>
    <xsl:param name="fields"/>
    <xsl:param name="clear" select="''"/>
    <xsl:param name="links"/>
    <form class="inline filter" method="get" action="{$action}">
      <xsl:copy-of select="$fields"/>
      <button type="submit"><t:s key="w.filter_apply"/></button>
      <xsl:if test="string($clear)">
        <a href="{$clear}"><t:s key="w.filter_clear"/></a>
      </xsl:if>
      <xsl:copy-of select="$links"/>
    </form>
  </xsl:template>

  <!-- A select of the filter bar: label, name, the any option's text, the options. -->
  <xsl:template name="filter-select">
    <xsl:param name="label"/>
    <xsl:param name="name"/>
    <xsl:param name="any"/>
    <xsl:param name="options"/>
    <label>
      <xsl:copy-of select="$label"/>
      <select name="{$name}">
        <xsl:if test="string($any)">
          <option value=""><xsl:copy-of select="$any"/></option>
        </xsl:if>
        <xsl:copy-of select="$options"/>
      </select>
    </label>
  </xsl:template>

  <!-- A checkbox of the filter bar (value 1), ticked when on. -->
  <xsl:template name="filter-check">
    <xsl:param name="label"/>
    <xsl:param name="name"/>
    <xsl:param name="on" select="false()"/>
    <label>
      <input type="checkbox" name="{$name}" value="1">
        <xsl:if test="$on">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <xsl:copy-of select="$label"/>
    </label>
  </xsl:template>

  <!-- A list with nothing to show: the text in an info notice (tone ok: all is well). -->
  <xsl:template name="empty">
    <xsl:param name="text"/>
    <xsl:param name="tone" select="'info'"/>
    <p class="notice {$tone}"><xsl:copy-of select="$text"/></p>
  </xsl:template>

  <!--
    The pager under a list: links to the first page (when not on it), the
    previous and the next, each given as its href (empty: none), and count,
    the rows on this page ("本页 50 项"; empty: not shown).
  -->
  <xsl:template name="pager">
    <xsl:param name="first" select="''"/>
    <xsl:param name="prev" select="''"/>
    <xsl:param name="next" select="''"/>
    <xsl:param name="count"/>
    <nav class="pager" t:aria-label="w.pages">
      <xsl:if test="string($first)">
        <a href="{$first}"><t:s key="w.first"/></a>
      </xsl:if>
      <xsl:if test="string($prev)">
        <a rel="prev" href="{$prev}"><t:s key="w.prev"/></a>
      </xsl:if>
      <xsl:if test="string($next)">
        <a rel="next" href="{$next}"><t:s key="w.next"/></a>
      </xsl:if>
      <xsl:if test="string($count)">
        <span class="muted"><t:s key="w.count"><t:arg name="n"><xsl:value-of select="$count"/></t:arg></t:s></span>
      </xsl:if>
    </nav>
  </xsl:template>

  <xsl:template name="widgets-css">
    <xsl:text>
.crumbs{margin:0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.code,td.code{font-family:ui-monospace,Consolas,monospace;font-size:.9rem}
small.dates{display:block;color:var(--muted);font-size:.85rem}
tr.overdue td{background:var(--badbg)}
.chip{white-space:nowrap;font-weight:600}
.chip-ok{color:var(--ok)}
.chip-bad{color:var(--bad)}
.chip-warn{color:var(--warn)}
.chip-alarm{color:#fff;background:var(--bad);border-radius:3px;padding:0 .3rem}
.chip-muted{color:var(--muted);font-weight:400}
.due{white-space:nowrap}
dl.facts{display:grid;grid-template-columns:10rem minmax(0,1fr);gap:.35rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:600;text-align:right}
dl.facts dd{margin:0}
.multi{white-space:pre-line}
.field.wide{grid-template-columns:10rem minmax(0,40rem)}
.field textarea{width:100%;font:inherit;line-height:1.6;padding:.3rem .45rem;border:1px solid #8c959f;border-radius:3px;background:#fff;resize:vertical}
.field textarea:focus{outline:2px solid var(--accent);outline-offset:1px}
.field.invalid textarea{border-color:var(--bad);background:#fffafa}
.field p.static{margin:0;padding-top:.3rem}
@media (max-width:40rem){dl.facts,.field.wide{grid-template-columns:1fr}dl.facts dt{text-align:left}}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
