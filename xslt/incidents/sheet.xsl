<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/sheet.xsl — the report sheet as a form: filing an incident, or
  editing the sheet of an open one.
  data @conflict?: <office/>? (the account is the office), <incident …/>? (edit:
        the incident as it is now), <unit id code>name</unit>? (filing for a
        known unit), <taxonomy default><version code><category code/>…</version>…</taxonomy>,
        <systems><system id>name</system>…</systems>? (the unit's),
        <form from-version><field name max error?>value</field>…</form>
          (unit reporting_unit started_at discovered_at filled_by category
           harm_* level_reported system_id system_name description measures
           consequences suggestions report_kind report_at caller version nonce),
        <now><form>…</form></now>? (409: the sheet now, as form values)
  A unit files for itself: its unit, the reporting unit and the time of its
  written report are not its to choose.  The office files for any unit and
  says how the first report came (oral or written), when and from whom.
  Only the office changes the event start and the discovery after filing.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="inc" select="/page/data/incident"/>
  <xsl:variable name="office" select="boolean(/page/data/office)"/>
  <xsl:variable name="now" select="/page/data/now/form/field"/>

  <xsl:template name="title">
    <xsl:choose>
      <xsl:when test="$inc">
        <t:s key="incsheet.title_edit"><t:arg name="id"><xsl:value-of select="$inc/@id"/></t:arg></t:s>
      </xsl:when>
      <xsl:otherwise><t:s key="incsheet.title_new"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="form/field"/>
    <p class="crumbs small">
      <a href="/incidents/"><t:s key="incboard.title"/></a>
      <xsl:if test="$inc">
        <xsl:text> › </xsl:text>
        <a href="/incidents/{$inc/@id}">#<xsl:value-of select="$inc/@id"/></a>
      </xsl:if>
    </p>
    <h1><xsl:call-template name="title"/></h1>
    <xsl:call-template name="conflict-box"><xsl:with-param name="now" select="$inc/@version"/></xsl:call-template>
    <xsl:if test="@conflict = '1'">
      <div class="tablewrap">
        <table class="compare">
          <thead>
            <tr>
              <th scope="col"><span class="vh"><t:s key="change.col_field"/></span></th>
              <th scope="col"><t:s key="change.col_now"/></th>
              <th scope="col"><t:s key="change.col_yours"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$now[@name != 'unit' and @name != 'version' and @name != 'nonce'
                and @name != 'report_kind' and @name != 'report_at' and @name != 'caller']">
              <xsl:variable name="n" select="@name"/>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="$n"/>
                <xsl:with-param name="now">
                  <xsl:call-template name="shown">
                    <xsl:with-param name="name" select="$n"/>
                    <xsl:with-param name="v" select="string(.)"/>
                  </xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="mine">
                  <xsl:call-template name="shown">
                    <xsl:with-param name="name" select="$n"/>
                    <xsl:with-param name="v" select="string($form/field[@name = $n])"/>
                  </xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
    <p class="muted"><t:s key="incsheet.intro"/></p>

    <!-- the office picks the unit first, so the form can offer its systems -->
    <xsl:if test="$office and not($inc)">
      <xsl:call-template name="unit-first">
        <xsl:with-param name="action" select="'/incidents/new'"/>
        <xsl:with-param name="name" select="'unit'"/>
      </xsl:call-template>
    </xsl:if>

    <form class="sheet" method="post" novalidate="novalidate">
      <xsl:attribute name="action">
        <xsl:choose>
          <xsl:when test="$inc"><xsl:value-of select="concat('/incidents/', $inc/@id, '/edit')"/></xsl:when>
          <xsl:otherwise>/incidents/new</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="csrf"/>
      <h2><t:s key="incsheet.units"/></h2>
      <xsl:choose>
        <xsl:when test="$office and not($inc)">
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'unit'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint">
              <xsl:if test="unit"><xsl:value-of select="unit"/></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <div class="field">
            <span class="label"><t:s key="field.unit"/></span>
            <div class="input">
              <xsl:choose>
                <xsl:when test="$inc"><xsl:value-of select="$inc/unit"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="/page/account/@unit-name"/></xsl:otherwise>
              </xsl:choose>
            </div>
          </div>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$office">
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'reporting_unit'"/>
            <xsl:with-param name="hint"><t:s key="incsheet.hint_reporting"/></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <div class="field">
            <span class="label"><t:s key="field.reporting_unit"/></span>
            <div class="input">
              <xsl:choose>
                <xsl:when test="$inc"><xsl:value-of select="$inc/reporting-unit"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="/page/account/@unit-name"/></xsl:otherwise>
              </xsl:choose>
            </div>
          </div>
        </xsl:otherwise>
      </xsl:choose>

      <xsl:if test="$office and not($inc)">
        <h2><t:s key="incsheet.first_report"/></h2>
        <xsl:call-template name="select-row">
          <xsl:with-param name="name" select="'report_kind'"/>
          <xsl:with-param name="set" select="'incfirst'"/>
          <xsl:with-param name="codes" select="'oral written'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="dt-row">
          <xsl:with-param name="name" select="'report_at'"/>
          <xsl:with-param name="hint"><t:s key="incsheet.hint_report_at"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field-row">
          <xsl:with-param name="name" select="'caller'"/>
          <xsl:with-param name="hint"><t:s key="incsheet.hint_caller"/></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="not($office) and not($inc)">
        <p class="notice info"><t:s key="incsheet.written_now"/></p>
      </xsl:if>

      <h2><t:s key="incsheet.event"/></h2>
      <xsl:choose>
        <xsl:when test="$office or not($inc)">
          <xsl:call-template name="dt-row">
            <xsl:with-param name="name" select="'started_at'"/>
            <xsl:with-param name="hint"><t:s key="incsheet.hint_started"/></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="dt-row">
            <xsl:with-param name="name" select="'discovered_at'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <div class="field">
            <span class="label"><t:s key="field.started_at"/></span>
            <div class="input"><xsl:call-template name="time"><xsl:with-param name="t" select="$inc/@started"/></xsl:call-template></div>
          </div>
          <div class="field">
            <span class="label"><t:s key="field.discovered_at"/></span>
            <div class="input">
              <xsl:call-template name="time"><xsl:with-param name="t" select="$inc/@discovered"/></xsl:call-template>
              <p class="hint"><t:s key="incsheet.times_office"/></p>
            </div>
          </div>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'filled_by'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>

      <xsl:variable name="cat" select="string($f[@name = 'category'])"/>
      <div class="field">
        <xsl:if test="string($f[@name = 'category']/@error)"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
        <label for="f-category"><t:s key="field.category"/><span class="req" aria-hidden="true">*</span></label>
        <div class="input">
          <select id="f-category" name="category">
            <option value=""><t:s key="w.choose"/></option>
            <xsl:for-each select="taxonomy/version">
              <xsl:variable name="v" select="@code"/>
              <optgroup>
                <xsl:attribute name="label"><t:label set="inctax" select="$v"/></xsl:attribute>
                <xsl:for-each select="category">
                  <option value="{$v}.{@code}">
                    <xsl:if test="concat($v, '.', @code) = $cat"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:call-template name="category">
                      <xsl:with-param name="tax" select="$v"/>
                      <xsl:with-param name="code" select="@code"/>
                    </xsl:call-template>
                  </option>
                </xsl:for-each>
              </optgroup>
            </xsl:for-each>
          </select>
          <xsl:if test="string($f[@name = 'category']/@error)">
            <p class="ferr" id="e-category">
              <xsl:call-template name="msg-text">
                <xsl:with-param name="name" select="'category'"/>
                <xsl:with-param name="code" select="$f[@name = 'category']/@error"/>
              </xsl:call-template>
            </p>
          </xsl:if>
          <p class="hint"><t:s key="incsheet.hint_category"/></p>
        </div>
      </div>
      <fieldset class="boxes">
        <legend><t:s key="incsheet.harm"/></legend>
        <div class="input">
          <xsl:for-each select="$f[starts-with(@name, 'harm_')]">
            <label class="check">
              <input type="checkbox" name="{@name}" value="1">
                <xsl:if test=". = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <xsl:text> </xsl:text>
              <t:label set="field" select="@name"/>
            </label>
          </xsl:for-each>
        </div>
      </fieldset>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'level_reported'"/>
        <xsl:with-param name="set" select="'inclevel'"/>
        <xsl:with-param name="codes" select="'1 2 3 4'"/>
        <xsl:with-param name="hint"><t:s key="incsheet.hint_level"/></xsl:with-param>
      </xsl:call-template>

      <h2><t:s key="incsheet.system"/></h2>
      <xsl:if test="systems/system">
        <xsl:variable name="sys" select="string($f[@name = 'system_id'])"/>
        <div class="field">
          <xsl:if test="string($f[@name = 'system_id']/@error)"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
          <label for="f-system_id"><t:s key="field.system_id"/></label>
          <div class="input">
            <select id="f-system_id" name="system_id">
              <option value=""><t:s key="incsheet.no_system"/></option>
              <xsl:for-each select="systems/system">
                <option value="{@id}">
                  <xsl:if test="@id = $sys"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </option>
              </xsl:for-each>
            </select>
          </div>
        </div>
      </xsl:if>
      <xsl:if test="not(systems/system) and string($f[@name = 'system_id']/@error)">
        <xsl:call-template name="field-row"><xsl:with-param name="name" select="'system_id'"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'system_name'"/>
        <xsl:with-param name="hint"><t:s key="incsheet.hint_system_name"/></xsl:with-param>
      </xsl:call-template>

      <h2><t:s key="incsheet.content"/></h2>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'description'"/>
        <xsl:with-param name="rows" select="6"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="incsheet.hint_description"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'measures'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="incsheet.hint_measures"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'consequences'"/></xsl:call-template>
      <xsl:call-template name="area-row"><xsl:with-param name="name" select="'suggestions'"/></xsl:call-template>

      <xsl:choose>
        <xsl:when test="$inc">
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <p class="formbuttons">
        <button type="submit">
          <xsl:choose>
            <xsl:when test="@conflict = '1'"><t:s key="change.submit_again"/></xsl:when>
            <xsl:when test="$inc"><t:s key="vform.submit"/></xsl:when>
            <xsl:otherwise><t:s key="incsheet.submit"/></xsl:otherwise>
          </xsl:choose>
        </button>
        <a href="/incidents/{$inc/@id}"><t:s key="change.cancel"/></a>
      </p>
    </form>
  </xsl:template>

  <!-- A form value as the compare table shows it: categories, harms and levels in words. -->
  <xsl:template name="shown">
    <xsl:param name="name"/>
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="not(string($v))"/>
      <xsl:when test="$name = 'category'">
        <xsl:call-template name="category">
          <xsl:with-param name="tax" select="substring-before($v, '.')"/>
          <xsl:with-param name="code" select="substring-after($v, '.')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with($name, 'harm_')"><t:s key="w.yes"/></xsl:when>
      <xsl:when test="$name = 'level_reported'">
        <xsl:call-template name="level"><xsl:with-param name="l" select="$v"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
    <xsl:text>
form.sheet{max-width:54rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
