<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/vendor_form.xsl — the office registers a vendor, or edits one.
  data @conflict?: <vendor id uscc version active><name/><contact/><phone/>
          <email/><units><unit id code><name/></unit>…</units></vendor>
          (edit only: the vendor as the database has it now),
        <unknown-units><unit code/>…</unknown-units>? (codes no active unit has),
        <form><field name max error?>value</field>…</form>
          (company uscc contact phone email units active version nonce)
  Every value comes back from the form fields, so a 422 or 409 loses
  nothing.  On 409 (conflict="1") the vendor as it is now stands next to the
  typed values, and the hidden version is the one now, so submitting again
  is a deliberate decision over the newer record.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="v" select="/page/data/vendor"/>

  <xsl:template name="title">
    <xsl:choose>
      <xsl:when test="$v">
        <t:s key="vform.title_edit"/>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="$v/name"/>
      </xsl:when>
      <xsl:otherwise><t:s key="vform.title_new"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="conflict" select="@conflict = '1'"/>
    <xsl:variable name="f" select="form/field"/>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="pl.back"/></a>
      <xsl:text> › </xsl:text>
      <a href="{$base}vendors"><t:s key="vendors.title"/></a>
      <xsl:if test="$v">
        <xsl:text> › </xsl:text>
        <a href="{$base}vendors/{$v/@id}"><xsl:value-of select="$v/name"/></a>
      </xsl:if>
    </p>
    <h1>
      <xsl:choose>
        <xsl:when test="$v"><t:s key="vform.title_edit"/></xsl:when>
        <xsl:otherwise><t:s key="vform.title_new"/></xsl:otherwise>
      </xsl:choose>
    </h1>

    <!-- Tokens the user cannot fix: the form itself has gone stale. -->
    <xsl:if test="$f[@name = 'version' or @name = 'nonce'][string(@error)]">
      <p class="notice bad">
        <t:s key="pl.stale"/>
        <xsl:text> </xsl:text>
        <a>
          <xsl:attribute name="href">
            <xsl:choose>
              <xsl:when test="$v"><xsl:value-of select="concat($base, 'vendors/', $v/@id, '/edit')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat($base, 'vendors/new')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <t:s key="pl.reload"/>
        </a>
      </p>
    </xsl:if>

    <xsl:if test="$conflict">
      <section class="conflict">
        <h2><t:s key="change.conflict_title"/></h2>
        <p><t:s key="vform.conflict_text"/></p>
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
                <xsl:with-param name="name" select="'company'"/>
                <xsl:with-param name="now" select="$v/name"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'uscc'"/>
                <xsl:with-param name="now" select="$v/@uscc"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'contact'"/>
                <xsl:with-param name="now" select="$v/contact"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'phone'"/>
                <xsl:with-param name="now" select="$v/phone"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'email'"/>
                <xsl:with-param name="now" select="$v/email"/>
              </xsl:call-template>
              <!-- the codes, whatever separated them -->
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'units'"/>
                <xsl:with-param name="now">
                  <xsl:for-each select="$v/units/unit">
                    <xsl:if test="position() != 1"><xsl:text> </xsl:text></xsl:if>
                    <xsl:value-of select="@code"/>
                  </xsl:for-each>
                </xsl:with-param>
                <xsl:with-param name="mine"
                    select="normalize-space(translate($f[@name = 'units'], ',;&#13;&#10;&#9;，、；', '         '))"/>
              </xsl:call-template>
              <xsl:call-template name="compare">
                <xsl:with-param name="name" select="'active'"/>
                <xsl:with-param name="now">
                  <xsl:call-template name="yes-no"><xsl:with-param name="on" select="$v/@active"/></xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="mine">
                  <xsl:call-template name="yes-no"><xsl:with-param name="on" select="$f[@name = 'active']"/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:if>

    <form class="vendor" method="post" autocomplete="off" novalidate="novalidate">
      <xsl:attribute name="action">
        <xsl:choose>
          <xsl:when test="$v"><xsl:value-of select="concat($base, 'vendors/', $v/@id, '/edit')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($base, 'vendors/new')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'company'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'organization'"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'uscc'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="vform.hint_uscc"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'contact'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="vform.hint_phone"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="hint"><t:s key="vform.hint_email"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'units'"/>
        <xsl:with-param name="hint"><t:s key="vform.hint_units"/></xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$v">
          <xsl:call-template name="check-row">
            <xsl:with-param name="name" select="'active'"/>
            <xsl:with-param name="box"><t:s key="vform.active_box"/></xsl:with-param>
          </xsl:call-template>
          <!-- on a 409 the C side has put the version of the vendor now here -->
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>

      <p class="formbuttons">
        <button type="submit">
          <xsl:choose>
            <xsl:when test="$conflict"><t:s key="change.submit_again"/></xsl:when>
            <xsl:otherwise><t:s key="vform.submit"/></xsl:otherwise>
          </xsl:choose>
        </button>
        <xsl:choose>
          <xsl:when test="$v"><a href="{$base}vendors/{$v/@id}"><t:s key="change.cancel"/></a></xsl:when>
          <xsl:otherwise><a href="{$base}vendors"><t:s key="change.cancel"/></a></xsl:otherwise>
        </xsl:choose>
      </p>
    </form>
  </xsl:template>

  <!-- The widgets' hook: the unit codes no active unit has, named. -->
  <xsl:template name="msg-own">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:if test="$code = 'unknown_units' and /page/data/unknown-units/unit">
      <t:s key="vform.unknown_units">
        <t:arg name="codes">
          <xsl:for-each select="/page/data/unknown-units/unit">
            <xsl:if test="position() != 1"><t:s key="pl.list_sep"/></xsl:if>
            <code><xsl:value-of select="@code"/></code>
          </xsl:for-each>
        </t:arg>
      </t:s>
    </xsl:if>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
form.vendor{max-width:42rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
