<?xml version="1.0" encoding="UTF-8"?>
<!--
  registration/change.xsl — the form that names a new holder of a role.
  data @role @conflict?: <unit id code kind><name/>…</unit>, <roles report-days>…,
        <current id version>?<name/><title/><office-phone/><mobile/><email/>
          <effective/></current>  (the holder as the database has it now),
        <form><field name error?>value</field>…</form>
  Every value comes back from the form fields, so a 422 or 409 loses nothing.
  On 409 (conflict="1") the record as it is now stands next to the user's
  values, and the hidden current_id/version are those of the record now, so
  submitting again is a deliberate decision over the newer record.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../widgets.xsl"/>

  <xsl:variable name="role" select="string(/page/data/@role)"/>
  <!-- successor: a new person, empty fields, the previous one beside; correct: the same person's details -->
  <xsl:variable name="kind" select="string(/page/data/@kind)"/>

  <xsl:template name="title">
    <t:s key="change.title"/>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="/page/data/unit/name"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="u" select="unit"/>
    <xsl:variable name="cur" select="current"/>
    <xsl:variable name="conflict" select="@conflict = '1'"/>
    <xsl:variable name="f" select="form/field"/>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="unit.back_list"/></a>
      <xsl:text> › </xsl:text>
      <a href="{$base}{$u/@id}"><xsl:value-of select="$u/name"/></a>
    </p>
    <h1>
      <t:s key="change.heading"><t:arg name="role"><t:label set="role" select="$role"/></t:arg></t:s>
      <span class="sub"><xsl:value-of select="$u/name"/></span>
    </h1>

    <p class="notice info">
      <xsl:choose><xsl:when test="roles/@report-unit = 'days'"><t:s key="change.deadline_days"><t:arg name="days"><strong><xsl:value-of select="roles/@report-days"/></strong></t:arg></t:s></xsl:when><xsl:otherwise><t:s key="change.deadline"><t:arg name="days"><strong><xsl:value-of select="roles/@report-days"/></strong></t:arg></t:s></xsl:otherwise></xsl:choose>
    </p>

    <xsl:if test="count(roles/role) &gt; 1 and not($conflict)">
      <p class="small">
        <t:s key="change.other_roles"/>
        <xsl:for-each select="roles/role[@code != $role]">
          <xsl:text> </xsl:text>
          <a href="{$base}{$u/@id}/change?role={@code}"><t:label set="role" select="@code"/></a>
        </xsl:for-each>
      </p>
    </xsl:if>

    <!-- Tokens the user cannot fix: the form itself has gone stale. -->
    <xsl:if test="$f[@name = 'current_id' or @name = 'version' or @name = 'nonce'][string(@error)]">
      <p class="notice bad">
        <t:s key="change.stale"/>
        <xsl:text> </xsl:text>
        <a href="{$base}{$u/@id}/change?role={$role}"><t:s key="change.reload"/></a>
      </p>
    </xsl:if>

    <xsl:choose>
      <xsl:when test="$conflict">
        <section class="conflict">
          <h2><t:s key="change.conflict_title"/></h2>
          <p><t:s key="change.conflict_text"/></p>
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
                  <xsl:with-param name="name" select="'name'"/>
                  <xsl:with-param name="now" select="$cur/name"/>
                </xsl:call-template>
                <xsl:call-template name="compare">
                  <xsl:with-param name="name" select="'title'"/>
                  <xsl:with-param name="now" select="$cur/title"/>
                </xsl:call-template>
                <xsl:call-template name="compare">
                  <xsl:with-param name="name" select="'office_phone'"/>
                  <xsl:with-param name="now" select="$cur/office-phone"/>
                </xsl:call-template>
                <xsl:call-template name="compare">
                  <xsl:with-param name="name" select="'mobile'"/>
                  <xsl:with-param name="now" select="$cur/mobile"/>
                </xsl:call-template>
                <xsl:call-template name="compare">
                  <xsl:with-param name="name" select="'email'"/>
                  <xsl:with-param name="now" select="$cur/email"/>
                </xsl:call-template>
                <xsl:call-template name="compare">
                  <xsl:with-param name="name" select="'effective_date'"/>
                  <xsl:with-param name="now" select="$cur/effective"/>
                </xsl:call-template>
              </tbody>
            </table>
          </div>
          <xsl:if test="not($cur)">
            <p class="muted"><t:s key="change.conflict_none"/></p>
          </xsl:if>
        </section>
      </xsl:when>
      <xsl:when test="$cur">
        <!-- the two kinds of change, as links that reload the form in that kind -->
        <div class="kinds" role="group">
          <span class="label"><t:s key="change.kind"/><t:s key="layout.colon"/></span>
          <a href="{$base}{$u/@id}/change?role={$role}&amp;kind=successor">
            <xsl:if test="$kind != 'correct'"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if>
            <t:s key="change.kind_successor"/>
          </a>
          <a href="{$base}{$u/@id}/change?role={$role}&amp;kind=correct">
            <xsl:if test="$kind = 'correct'"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if>
            <t:s key="change.kind_correct"/>
          </a>
        </div>
        <p class="notice info">
          <xsl:choose>
            <xsl:when test="$kind = 'correct'"><t:s key="change.kind_correct_text"/></xsl:when>
            <xsl:otherwise><t:s key="change.kind_successor_text"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <p>
          <t:s key="change.current_is">
            <t:arg name="name"><strong><xsl:value-of select="$cur/name"/></strong></t:arg>
            <t:arg name="title"><xsl:value-of select="$cur/title"/></t:arg>
            <t:arg name="date"><xsl:value-of select="$cur/effective"/></t:arg>
          </t:s>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p><t:s key="change.first_time"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <div class="changebox">
    <!-- a new holder: the previous one beside the empty form, read only -->
    <xsl:if test="$cur and $kind != 'correct' and not($conflict)">
      <aside class="previous" aria-label="previous">
        <h2><t:s key="change.previous"/></h2>
        <dl>
          <dt><t:s key="field.name"/></dt><dd class="prev-name"><xsl:value-of select="$cur/name"/></dd>
          <dt><t:s key="field.title"/></dt><dd><xsl:value-of select="$cur/title"/></dd>
          <dt><t:s key="field.office_phone"/></dt><dd><xsl:value-of select="$cur/office-phone"/></dd>
          <dt><t:s key="field.mobile"/></dt><dd><xsl:value-of select="$cur/mobile"/></dd>
          <dt><t:s key="field.email"/></dt><dd><xsl:value-of select="$cur/email"/></dd>
          <dt><t:s key="unit.col_from"/></dt><dd><xsl:value-of select="$cur/effective"/></dd>
        </dl>
      </aside>
    </xsl:if>
    <form class="change" method="post" action="{$base}{$u/@id}/change" autocomplete="off" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="kind" value="{$kind}"/>
      <xsl:if test="$f[@name = 'kind'][string(@error)]">
        <p class="notice bad"><t:label set="msg" select="$f[@name = 'kind']/@error"/></p>
      </xsl:if>
      <xsl:variable name="rf" select="$f[@name = 'role']"/>
      <div class="field">
        <xsl:if test="string($rf/@error)">
          <xsl:attribute name="class">field invalid</xsl:attribute>
        </xsl:if>
        <label for="f-role"><t:s key="field.role"/><span class="req" aria-hidden="true">*</span></label>
        <div class="input">
          <select id="f-role" name="role" required="required">
            <xsl:if test="string($rf/@error)">
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
              <xsl:attribute name="aria-describedby">e-role</xsl:attribute>
            </xsl:if>
            <xsl:for-each select="roles/role">
              <option value="{@code}">
                <xsl:if test="@code = $rf">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <t:label set="role" select="@code"/>
              </option>
            </xsl:for-each>
          </select>
          <xsl:if test="string($rf/@error)">
            <p class="ferr" id="e-role"><t:label set="msg" select="$rf/@error"/></p>
          </xsl:if>
        </div>
      </div>

      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'title'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="change.hint_title"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'office_phone'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="hint"><t:s key="change.hint_office_phone"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'mobile'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="change.hint_mobile"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:choose>
        <!-- a correction keeps the holder's term: no effective date to give -->
        <xsl:when test="$kind = 'correct'">
          <xsl:call-template name="hidden">
            <xsl:with-param name="name" select="'effective_date'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="field-row">
            <xsl:with-param name="name" select="'effective_date'"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint"><t:s key="change.hint_effective"/></xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>

      <!-- on a 409 the C side has put the record-as-it-is-now's id and version here -->
      <xsl:call-template name="hidden">
        <xsl:with-param name="name" select="'current_id'"/>
      </xsl:call-template>
      <xsl:call-template name="hidden">
        <xsl:with-param name="name" select="'version'"/>
      </xsl:call-template>
      <xsl:call-template name="hidden">
        <xsl:with-param name="name" select="'nonce'"/>
      </xsl:call-template>

      <p class="formbuttons">
        <button type="submit">
          <xsl:choose>
            <xsl:when test="$conflict"><t:s key="change.submit_again"/></xsl:when>
            <xsl:when test="$kind = 'correct'"><t:s key="change.submit_correct"/></xsl:when>
            <xsl:otherwise><t:s key="change.submit"/></xsl:otherwise>
          </xsl:choose>
        </button>
        <a href="{$base}{$u/@id}"><t:s key="change.cancel"/></a>
      </p>
    </form>
    </div>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:text>
.crumbs{margin:0}
form.change{max-width:42rem;flex:1 1 28rem;min-width:0}
.changebox{display:flex;flex-wrap:wrap-reverse;gap:1rem 2rem;align-items:flex-start}
aside.previous{flex:0 1 18rem;order:2;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:.25rem 1rem .75rem;color:var(--muted)}
aside.previous h2{font-size:1rem;margin:.5rem 0;border:0}
aside.previous dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .75rem;margin:0}
aside.previous dt{font-weight:600}
aside.previous dd{margin:0;overflow-wrap:anywhere}
.kinds{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 .75rem}
.kinds a{padding:.25rem .75rem;border:1px solid var(--accent);border-radius:4px;text-decoration:none}
.kinds a[aria-current]{background:var(--accent);color:#fff}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
