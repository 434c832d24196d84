<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/incident.xsl — one incident: its report sheet, the reporting
  clock (each step's deadline, when it was done, by whom, and its class),
  the steps as recorded, and the forms of the steps this account may take.
  data @conflict? @max-file: <incident id version status unit-id … started
          discovered reported oral? written? review? handled? rectify?
          rectify-due? closed? level-reported level-proposed level next-due?
          left? next-step><unit/><reporting-unit/><system/><system-name/>
          <filled-by/><reviewed-by/><description/><measures/><consequences/>
          <suggestions/><clock first-ontime … rectify-days><step kind class
          due? at?/>…</clock></incident>,
        <steps><step id kind at recorded by by-name file-id? mime? size?
          sha256?>detail</step>…</steps>,
        <can action/>… (edit oral written review handled rectify propose
          confirm close), <form step from-version>…</form>? (a step's
          422/409/413, with what was submitted)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="i" select="/page/data/incident"/>
  <xsl:variable name="can" select="/page/data/can"/>

  <xsl:template name="title">
    <t:s key="incpage.title"><t:arg name="id"><xsl:value-of select="$i/@id"/></t:arg></t:s>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="id" select="$i/@id"/>
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'board'"/></xsl:call-template>
    <h1>
      <t:s key="incpage.title"><t:arg name="id"><xsl:value-of select="$id"/></t:arg></t:s>
      <span class="sub">
        <xsl:value-of select="$i/unit"/>
        <xsl:text> · </xsl:text>
        <t:label set="incstatus" select="$i/@status"/>
      </span>
    </h1>
    <xsl:call-template name="conflict-box"><xsl:with-param name="now" select="$i/@version"/></xsl:call-template>
    <p class="actions">
      <a class="button secondary" href="/incidents/{$id}/print"><t:s key="incpage.print"/></a>
      <xsl:if test="$can[@action = 'edit']">
        <a class="button secondary" href="/incidents/{$id}/edit"><t:s key="incpage.edit"/></a>
      </xsl:if>
      <xsl:if test="$i/@status = 'closed'">
        <span class="muted"><t:s key="inc.closed_readonly"/></span>
      </xsl:if>
    </p>

    <xsl:if test="$i/@next-due">
      <p>
        <xsl:attribute name="class">
          <xsl:choose>
            <xsl:when test="$i/@left &lt; 0">notice bad</xsl:when>
            <xsl:otherwise>notice warn</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <t:s key="incpage.next">
          <t:arg name="step">
            <xsl:call-template name="step-name">
              <xsl:with-param name="kind" select="$i/@next-step"/>
              <xsl:with-param name="level" select="$i/@level"/>
            </xsl:call-template>
          </t:arg>
          <t:arg name="due"><xsl:call-template name="time"><xsl:with-param name="t" select="$i/@next-due"/></xsl:call-template></t:arg>
        </t:s>
        <xsl:text> </xsl:text>
        <xsl:call-template name="left"><xsl:with-param name="s" select="$i/@left"/></xsl:call-template>
      </p>
    </xsl:if>
    <xsl:if test="not($i/@next-due) and $i/@status = 'open'">
      <p class="notice info">
        <t:s key="incpage.waiting">
          <t:arg name="step">
            <xsl:call-template name="step-name">
              <xsl:with-param name="kind" select="$i/@next-step"/>
              <xsl:with-param name="level" select="$i/@level"/>
            </xsl:call-template>
          </t:arg>
        </t:s>
      </p>
    </xsl:if>

    <h2><t:s key="incpage.clock"/></h2>
    <p class="small muted">
      <t:s key="incpage.clock_rule">
        <t:arg name="ontime"><xsl:value-of select="$i/clock/@first-ontime"/></t:arg>
        <t:arg name="late"><xsl:value-of select="$i/clock/@first-late"/></t:arg>
        <t:arg name="missed"><xsl:value-of select="$i/clock/@first-missed"/></t:arg>
        <t:arg name="written"><xsl:value-of select="$i/clock/@written"/></t:arg>
        <t:arg name="review"><xsl:value-of select="$i/clock/@review"/></t:arg>
        <t:arg name="days"><xsl:value-of select="$i/clock/@rectify-days"/></t:arg>
      </t:s>
    </p>
    <div class="tablewrap">
      <table class="clock">
        <thead>
          <tr>
            <th scope="col"><t:s key="incpage.col_step"/></th>
            <th scope="col"><t:s key="incpage.col_due"/></th>
            <th scope="col"><t:s key="incpage.col_done"/></th>
            <th scope="col"><t:s key="incpage.col_by"/></th>
            <th scope="col"><t:s key="incpage.col_class"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$i/clock/step">
            <xsl:variable name="k" select="@kind"/>
            <tr class="step-{$k}">
              <th scope="row">
                <xsl:call-template name="step-name">
                  <xsl:with-param name="kind" select="$k"/>
                  <xsl:with-param name="level" select="$i/@level"/>
                </xsl:call-template>
              </th>
              <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@due"/></xsl:call-template></td>
              <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
              <td>
                <xsl:choose>
                  <xsl:when test="$k = 'first' and @at = $i/@oral">
                    <xsl:value-of select="/page/data/steps/step[@kind = 'oral'][1]/@by-name"/>
                    <small class="dates"><t:label set="incstep" select="'oral'"/></small>
                  </xsl:when>
                  <xsl:when test="$k = 'first'">
                    <xsl:value-of select="/page/data/steps/step[@kind = 'written'][1]/@by-name"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="/page/data/steps/step[@kind = $k][1]/@by-name"/>
                  </xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:call-template name="class"><xsl:with-param name="c" select="@class"/></xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>

    <xsl:if test="$can[@action != 'edit']">
      <h2><t:s key="incpage.actions"/></h2>
      <xsl:for-each select="$can[@action != 'edit']">
        <xsl:call-template name="step-form"><xsl:with-param name="step" select="@action"/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>

    <h2><t:s key="incpage.sheet"/></h2>
    <dl class="facts">
      <dt><t:s key="field.reporting_unit"/></dt>
      <dd><xsl:value-of select="$i/reporting-unit"/></dd>
      <dt><t:s key="incpage.reported"/></dt>
      <dd><xsl:call-template name="time"><xsl:with-param name="t" select="$i/@reported"/></xsl:call-template></dd>
      <dt><t:s key="field.unit"/></dt>
      <dd><xsl:call-template name="unit-label"><xsl:with-param name="name" select="$i/unit"/><xsl:with-param name="code" select="$i/@unit-code"/></xsl:call-template></dd>
      <dt><t:s key="field.started_at"/></dt>
      <dd><xsl:call-template name="time"><xsl:with-param name="t" select="$i/@started"/></xsl:call-template></dd>
      <dt><t:s key="field.discovered_at"/></dt>
      <dd><xsl:call-template name="time"><xsl:with-param name="t" select="$i/@discovered"/></xsl:call-template></dd>
      <dt><t:s key="field.filled_by"/></dt>
      <dd><xsl:value-of select="$i/filled-by"/></dd>
      <dt><t:s key="incpage.reviewed_by"/></dt>
      <dd>
        <xsl:value-of select="$i/reviewed-by"/>
        <xsl:if test="not(string($i/reviewed-by))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="field.category"/></dt>
      <dd>
        <xsl:call-template name="category">
          <xsl:with-param name="tax" select="$i/@taxonomy"/>
          <xsl:with-param name="code" select="$i/@category"/>
        </xsl:call-template>
        <small class="dates"><t:label set="inctax" select="$i/@taxonomy"/></small>
      </dd>
      <dt><t:s key="incpage.profile"/></dt>
      <dd><t:label set="incprofile" select="$i/@profile"/></dd>
      <dt><t:s key="field.level"/></dt>
      <dd>
        <xsl:call-template name="level"><xsl:with-param name="l" select="$i/@level"/></xsl:call-template>
        <small class="dates">
          <t:s key="incpage.levels">
            <t:arg name="reported"><xsl:call-template name="level"><xsl:with-param name="l" select="$i/@level-reported"/></xsl:call-template></t:arg>
            <t:arg name="proposed"><xsl:call-template name="level"><xsl:with-param name="l" select="$i/@level-proposed"/></xsl:call-template></t:arg>
          </t:s>
        </small>
      </dd>
      <dt><t:s key="incsheet.harm"/></dt>
      <dd>
        <xsl:call-template name="harms"><xsl:with-param name="h" select="concat($i/@harm, ',')"/></xsl:call-template>
        <xsl:if test="not(string($i/@harm))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="field.system_id"/></dt>
      <dd>
        <xsl:value-of select="$i/system"/>
        <xsl:if test="string($i/system) and string($i/system-name)"><xsl:text> · </xsl:text></xsl:if>
        <xsl:value-of select="$i/system-name"/>
        <xsl:if test="not(string($i/system)) and not(string($i/system-name))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="field.description"/></dt>
      <dd class="multi"><xsl:value-of select="$i/description"/></dd>
      <dt><t:s key="field.measures"/></dt>
      <dd class="multi"><xsl:value-of select="$i/measures"/></dd>
      <dt><t:s key="field.consequences"/></dt>
      <dd class="multi"><xsl:value-of select="$i/consequences"/></dd>
      <dt><t:s key="field.suggestions"/></dt>
      <dd class="multi"><xsl:value-of select="$i/suggestions"/></dd>
    </dl>

    <h2><t:s key="incpage.steps"/></h2>
    <div class="tablewrap">
      <table class="steps">
        <thead>
          <tr>
            <th scope="col"><t:s key="incpage.col_at"/></th>
            <th scope="col"><t:s key="incpage.col_step"/></th>
            <th scope="col"><t:s key="incpage.col_by"/></th>
            <th scope="col"><t:s key="incpage.col_detail"/></th>
            <th scope="col"><t:s key="incpage.col_recorded"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="steps/step">
            <tr>
              <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
              <td>
                <xsl:call-template name="step-name">
                  <xsl:with-param name="kind" select="@kind"/>
                  <xsl:with-param name="level" select="$i/@level"/>
                </xsl:call-template>
              </td>
              <td><xsl:value-of select="@by-name"/> <span class="code"><xsl:value-of select="@by"/></span></td>
              <td class="multi">
                <xsl:choose>
                  <xsl:when test="@kind = 'propose' or @kind = 'confirm'">
                    <xsl:call-template name="level"><xsl:with-param name="l" select="."/></xsl:call-template>
                  </xsl:when>
                  <xsl:when test="@kind = 'oral' and string(.)">
                    <t:s key="incpage.caller"><t:arg name="name"><xsl:value-of select="."/></t:arg></t:s>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
                <xsl:if test="@file-id">
                  <xsl:text> </xsl:text>
                  <a href="/incidents/files/{@file-id}"><t:s key="inc.download"/></a>
                  <small class="dates"><code><xsl:value-of select="@sha256"/></code></small>
                </xsl:if>
              </td>
              <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@recorded"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- "outage,leaked," → 网络中断、数据泄密 -->
  <xsl:template name="harms">
    <xsl:param name="h"/>
    <xsl:if test="string-length($h) &gt; 1">
      <xsl:variable name="code" select="substring-before($h, ',')"/>
      <t:label set="incharm" select="$code"/>
      <xsl:if test="string-length(substring-after($h, ',')) &gt; 1"><t:s key="pl.list_sep"/></xsl:if>
      <xsl:call-template name="harms"><xsl:with-param name="h" select="substring-after($h, ',')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One step's form: its fields, the version it is made from, the button. -->
  <xsl:template name="step-form">
    <xsl:param name="step"/>
    <xsl:variable name="mine" select="$form[@step = $step]"/>
    <form class="step" method="post" action="/incidents/{$i/@id}/{$step}" novalidate="novalidate">
      <xsl:if test="$step = 'rectify'">
        <xsl:attribute name="enctype">multipart/form-data</xsl:attribute>
      </xsl:if>
      <h3><t:label set="incact" select="$step"/></h3>
      <p class="small muted"><t:label set="inchelp" select="$step"/></p>
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="version">
        <xsl:attribute name="value">
          <xsl:choose>
            <xsl:when test="$mine"><xsl:value-of select="$mine/field[@name = 'version']"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$i/@version"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </input>
      <xsl:choose>
        <xsl:when test="$step = 'oral'">
          <xsl:call-template name="dt-row"><xsl:with-param name="name" select="'oral_at'"/></xsl:call-template>
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'caller'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$step = 'handled'">
          <xsl:call-template name="dt-row"><xsl:with-param name="name" select="'handled_at'"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$step = 'rectify'">
          <xsl:call-template name="area-row">
            <xsl:with-param name="name" select="'text'"/>
            <xsl:with-param name="rows" select="6"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:variable name="fm" select="/page/messages/msg[@field = 'file']"/>
          <div class="field">
            <xsl:if test="$fm"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
            <label for="f-file"><t:s key="field.file"/></label>
            <div class="input">
              <input type="file" id="f-file" name="file" accept="application/pdf,image/jpeg,image/png"/>
              <xsl:for-each select="$fm">
                <p class="ferr"><t:label set="msg" select="@code"/></p>
              </xsl:for-each>
              <p class="hint">
                <t:s key="inc.hint_file"><t:arg name="n"><xsl:value-of select="floor(/page/data/@max-file div 1048576)"/></t:arg></t:s>
              </p>
            </div>
          </div>
        </xsl:when>
        <xsl:when test="$step = 'propose' or $step = 'confirm'">
          <xsl:call-template name="select-row">
            <xsl:with-param name="name" select="'level'"/>
            <xsl:with-param name="set" select="'inclevel'"/>
            <xsl:with-param name="codes" select="'1 2 3 4'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="$mine"><xsl:value-of select="$mine/field[@name = 'level']"/></xsl:when>
                <xsl:when test="$i/@level-proposed != '0'"><xsl:value-of select="$i/@level-proposed"/></xsl:when>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
      <p class="formbuttons">
        <button type="submit"><t:label set="incact" select="$step"/></button>
      </p>
    </form>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
    <xsl:text>
table.clock th[scope=row]{white-space:nowrap;background:var(--bg)}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
