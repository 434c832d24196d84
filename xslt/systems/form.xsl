<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/form.xsl — file a new system (/systems/new), or edit one
  (/systems/ID/edit); the form posts to the page's own address.
  data @grades (1: the office, who also sets the unit, the level, the
        filing and the CII flag) @conflict?:
        <current> (editing: the system as the database has it, children as
          on the system page: id version unit-code unit-name name kind url ips
          purpose vendor-id vendor hosting admin-name admin-phone status golive
          level graded review filing-no filing-date cii …),
        <vendors><vendor id><name/></vendor>…</vendors> (the active ones),
        <form><field name max error?>value</field>…</form>
          (unit name kind url ips purpose vendor hosting admin_name admin_phone
          status golive_date level graded_date review_date filing_no filing_date
          cii version nonce)
  Every value comes back from the form fields, so a 422 or 409 loses
  nothing.  For a unit's staff the unit and the grading are the ones on
  record (the module ignores what they would send), so they are shown, not
  offered.  The gate (error "sys_gate" on status): level 2 and above goes online
  only after a passing assessment.  On 409 (conflict="1") <current> is the
  system as it is now, next to the typed values, and the hidden version is
  the one now, so submitting again is a deliberate decision over the newer
  record.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="cur" select="/page/data/current"/>
  <xsl:variable name="grades" select="/page/data/@grades = '1'"/>

  <xsl:template name="title">
    <xsl:choose>
      <xsl:when test="$cur">
        <t:s key="sform.title_edit"/>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="$cur/name"/>
      </xsl:when>
      <xsl:otherwise><t:s key="sform.title_new"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="conflict" select="@conflict = '1'"/>
    <xsl:variable name="f" select="form/field"/>
    <xsl:variable name="self">
      <xsl:choose>
        <xsl:when test="$cur"><xsl:value-of select="concat($base, $cur/id, '/edit')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat($base, 'new')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="systems.title"/></a>
      <xsl:if test="$cur">
        <xsl:text> › </xsl:text>
        <a href="{$base}{$cur/id}"><xsl:value-of select="$cur/name"/></a>
      </xsl:if>
    </p>
    <h1>
      <xsl:choose>
        <xsl:when test="$cur"><t:s key="sform.title_edit"/></xsl:when>
        <xsl:otherwise><t:s key="sform.title_new"/></xsl:otherwise>
      </xsl:choose>
    </h1>

    <!-- Tokens the user cannot fix: the form itself has gone stale. -->
    <xsl:if test="$f[@name = 'version' or @name = 'nonce'][string(@error)]">
      <p class="notice bad">
        <t:s key="sform.stale"/>
        <xsl:text> </xsl:text>
        <a href="{$self}"><t:s key="sform.reload"/></a>
      </p>
    </xsl:if>

    <xsl:if test="$conflict and $cur">
      <xsl:call-template name="conflict"/>
    </xsl:if>

    <form class="system" method="post" action="{$self}" autocomplete="off" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <!-- on a 409 the C side has put the version of the system now here -->
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>

      <h2><t:s key="sys.basic"/></h2>
      <xsl:choose>
        <xsl:when test="$grades">
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'unit'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint"><t:s key="sform.hint_unit"/></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="static-row">
            <xsl:with-param name="name" select="'unit'"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="$cur"><xsl:value-of select="$cur/unit-name"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="/page/account/@unit-name"/></xsl:otherwise>
              </xsl:choose>
              <span class="code"><xsl:value-of select="$f[@name = 'unit']"/></span>
            </xsl:with-param>
            <xsl:with-param name="hint"><t:s key="sform.unit_fixed"/></xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="sform.hint_name"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'kind'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options">
          <xsl:call-template name="choose-one"><xsl:with-param name="name" select="'kind'"/></xsl:call-template>
          <xsl:call-template name="options">
            <xsl:with-param name="set" select="'kind'"/>
            <xsl:with-param name="codes" select="$kinds"/>
            <xsl:with-param name="value" select="$f[@name = 'kind']"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'url'"/>
        <xsl:with-param name="hint"><t:s key="sform.hint_url"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'ips'"/>
        <xsl:with-param name="rows" select="2"/>
        <xsl:with-param name="hint"><t:s key="sform.hint_ips"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'purpose'"/>
        <xsl:with-param name="rows" select="3"/>
        <xsl:with-param name="hint"><t:s key="sform.hint_purpose"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'vendor'"/>
        <xsl:with-param name="options">
          <xsl:variable name="v" select="string($f[@name = 'vendor'])"/>
          <option value=""><t:s key="sform.vendor_none"/></option>
          <xsl:for-each select="vendors/vendor">
            <option value="{@id}">
              <xsl:if test="@id = $v">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:value-of select="name"/>
            </option>
          </xsl:for-each>
          <!-- the vendor on record, no longer active: kept visible, so saving says so -->
          <xsl:if test="$cur and $v = string($cur/vendor-id) and $v != '0' and not(vendors/vendor[@id = $v])">
            <option value="{$v}" selected="selected"><xsl:value-of select="$cur/vendor"/></option>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="hint"><t:s key="sform.hint_vendor"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'hosting'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options">
          <xsl:call-template name="choose-one"><xsl:with-param name="name" select="'hosting'"/></xsl:call-template>
          <xsl:call-template name="options">
            <xsl:with-param name="set" select="'hosting'"/>
            <xsl:with-param name="codes" select="$hostings"/>
            <xsl:with-param name="value" select="$f[@name = 'hosting']"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'admin_name'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'admin_phone'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="sform.hint_phone"/></xsl:with-param>
      </xsl:call-template>

      <h2><t:s key="sform.lifecycle"/></h2>
      <xsl:call-template name="select-row">
        <xsl:with-param name="name" select="'status'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options">
          <xsl:call-template name="choose-one"><xsl:with-param name="name" select="'status'"/></xsl:call-template>
          <xsl:call-template name="options">
            <xsl:with-param name="set" select="'status'"/>
            <xsl:with-param name="codes" select="$statuses"/>
            <xsl:with-param name="value" select="$f[@name = 'status']"/>
          </xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="hint"><t:s key="sform.hint_status"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'golive_date'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="hint"><t:s key="sform.hint_golive"/></xsl:with-param>
      </xsl:call-template>

      <h2><t:s key="sys.grading"/></h2>
      <xsl:choose>
        <xsl:when test="$grades">
          <xsl:call-template name="select-row">
            <xsl:with-param name="name" select="'level'"/>
            <xsl:with-param name="options">
              <option value=""><t:label set="syslevel" select="'0'"/></option>
              <xsl:call-template name="options">
                <xsl:with-param name="set" select="'level'"/>
                <xsl:with-param name="codes" select="$levels"/>
                <xsl:with-param name="value" select="$f[@name = 'level']"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="hint"><t:s key="sform.hint_level"/></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'graded_date'"/>
            <xsl:with-param name="type" select="'date'"/>
          </xsl:call-template>
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'review_date'"/>
            <xsl:with-param name="type" select="'date'"/>
          </xsl:call-template>
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'filing_no'"/>
            <xsl:with-param name="hint"><t:s key="sform.hint_filing_no"/></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'filing_date'"/>
            <xsl:with-param name="type" select="'date'"/>
          </xsl:call-template>
          <xsl:call-template name="check-row">
            <xsl:with-param name="name" select="'cii'"/>
            <xsl:with-param name="box"><t:s key="sform.cii_box"/></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="static-row">
            <xsl:with-param name="name" select="'level'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="code-label">
                <xsl:with-param name="set" select="'level'"/>
                <xsl:with-param name="code" select="$f[@name = 'level']"/>
              </xsl:call-template>
              <xsl:if test="$f[@name = 'cii'] = '1'">
                <xsl:text> </xsl:text>
                <abbr class="cii" t:title="sysfield.cii"><t:s key="sys.cii_short"/></abbr>
              </xsl:if>
            </xsl:with-param>
            <xsl:with-param name="hint"><t:s key="sform.grading_by_office"/></xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>

      <p class="formbuttons">
        <button type="submit">
          <xsl:choose>
            <xsl:when test="$conflict"><t:s key="change.submit_again"/></xsl:when>
            <xsl:otherwise><t:s key="sform.submit"/></xsl:otherwise>
          </xsl:choose>
        </button>
        <xsl:choose>
          <xsl:when test="$cur"><a href="{$base}{$cur/id}"><t:s key="change.cancel"/></a></xsl:when>
          <xsl:otherwise><a href="{$base}"><t:s key="change.cancel"/></a></xsl:otherwise>
        </xsl:choose>
      </p>
    </form>
  </xsl:template>

  <!-- The system now beside the typed values (409). -->
  <xsl:template name="conflict">
    <xsl:variable name="f" select="$form/field"/>
    <section class="conflict">
      <h2><t:s key="change.conflict_title"/></h2>
      <p><t:s key="sform.conflict_text"/></p>
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
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'unit'"/>
              <xsl:with-param name="now" select="$cur/unit-code"/>
            </xsl:call-template>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'name'"/>
              <xsl:with-param name="now" select="$cur/name"/>
            </xsl:call-template>
            <xsl:call-template name="compare-code">
              <xsl:with-param name="name" select="'kind'"/>
              <xsl:with-param name="now" select="$cur/kind"/>
            </xsl:call-template>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'url'"/>
              <xsl:with-param name="now" select="$cur/url"/>
            </xsl:call-template>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'ips'"/>
              <xsl:with-param name="now" select="$cur/ips"/>
            </xsl:call-template>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'purpose'"/>
              <xsl:with-param name="now" select="$cur/purpose"/>
            </xsl:call-template>
            <!-- vendors by name: the one on record may no longer be in the list -->
            <xsl:variable name="v" select="string($f[@name = 'vendor'])"/>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'vendor'"/>
              <xsl:with-param name="now" select="$cur/vendor"/>
              <xsl:with-param name="mine">
                <xsl:choose>
                  <xsl:when test="$v = string($cur/vendor-id)"><xsl:value-of select="$cur/vendor"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="/page/data/vendors/vendor[@id = $v]/name"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="compare-code">
              <xsl:with-param name="name" select="'hosting'"/>
              <xsl:with-param name="now" select="$cur/hosting"/>
            </xsl:call-template>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'admin_name'"/>
              <xsl:with-param name="now" select="$cur/admin-name"/>
            </xsl:call-template>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'admin_phone'"/>
              <xsl:with-param name="now" select="$cur/admin-phone"/>
            </xsl:call-template>
            <xsl:call-template name="compare-code">
              <xsl:with-param name="name" select="'status'"/>
              <xsl:with-param name="now" select="$cur/status"/>
            </xsl:call-template>
            <xsl:call-template name="compare">
              <xsl:with-param name="name" select="'golive_date'"/>
              <xsl:with-param name="now" select="$cur/golive"/>
            </xsl:call-template>
            <xsl:if test="$grades">
              <xsl:call-template name="compare-code">
                <xsl:with-param name="name" select="'level'"/>
                <xsl:with-param name="now" select="$cur/level[. != '0']"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'graded_date'"/>
                <xsl:with-param name="now" select="$cur/graded"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'review_date'"/>
                <xsl:with-param name="now" select="$cur/review"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'filing_no'"/>
                <xsl:with-param name="now" select="$cur/filing-no"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'filing_date'"/>
                <xsl:with-param name="now" select="$cur/filing-date"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'cii'"/>
                <xsl:with-param name="now">
                  <xsl:call-template name="yes-no"><xsl:with-param name="on" select="$cur/cii"/></xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="mine">
                  <xsl:call-template name="yes-no"><xsl:with-param name="on" select="$f[@name = 'cii']"/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- A compare row of a coded field (kind, hosting, status, level), both sides as words. -->
  <xsl:template name="compare-code">
    <xsl:param name="name"/>
    <xsl:param name="now"/>
    <xsl:call-template name="compare">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="now">
        <xsl:call-template name="code-label">
          <xsl:with-param name="set" select="$name"/>
          <xsl:with-param name="code" select="string($now)"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="mine">
        <xsl:call-template name="code-label">
          <xsl:with-param name="set" select="$name"/>
          <xsl:with-param name="code" select="string($form/field[@name = $name])"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="sys-css"/>
    <xsl:text>
form.system{max-width:48rem}
.field p.static{margin:0;padding-top:.3rem}
div.gate{margin:.4rem 0 0;padding:.5rem .75rem;border-left:4px solid var(--bad);background:var(--badbg);color:#7a1a12;border-radius:3px}
div.gate p{margin:0}
div.gate p+p{margin-top:.35rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
