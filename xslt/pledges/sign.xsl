<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/sign.xsl — the form that records a signing: the latest version of a
  kind, for one party, signed by whom and when, sealed or not, with the scan
  of the signed paper (multipart upload).
  data @max-scan (bytes) @scan-again? @conflict?:
        <kinds …/>, <party type id unit-id code><name/></party>,
        <template id kind version><title/></template>, <current id signed/>?,
        <form><field name max error?>value</field>…</form>
          (kind party_type party_id template_id signer_name signer_title
           signed_date sealed current_id nonce)
  Messages for the scan (it is no form field) come as <msg field="scan" code/>.
  On 422/409/413 every typed value comes back, but a browser never refills a
  file input (@scan-again).  On 409 (@conflict) another signing landed while
  the user typed; current_id is now that one, so submitting again replaces it
  knowingly.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="kind" select="string(/page/data/form/field[@name = 'kind'])"/>

  <xsl:template name="title">
    <t:s key="sign.title"/>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="/page/data/party/name"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="p" select="party"/>
    <xsl:variable name="tp" select="template"/>
    <xsl:variable name="cur" select="current"/>
    <xsl:variable name="conflict" select="@conflict = '1'"/>
    <xsl:variable name="f" select="form/field"/>
    <xsl:variable name="scanmsg" select="/page/messages/msg[@field = 'scan']"/>
    <!-- the party as the query names it: unit=ID, vendor=ID or person=ID -->
    <xsl:variable name="pq" select="concat($p/@type, '=', $p/@id)"/>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="pl.back"/></a>
      <xsl:text> › </xsl:text>
      <xsl:choose>
        <xsl:when test="$p/@type = 'vendor'">
          <a href="{$base}vendors/{$p/@id}"><xsl:value-of select="$p/name"/></a>
        </xsl:when>
        <xsl:otherwise>
          <a href="{$base}units/{$p/@unit-id}"><t:s key="pl.unit_page"/></a>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <h1>
      <t:label set="plkind" select="$kind"/>
      <span class="sub"><t:s key="sign.title"/></span>
    </h1>

    <dl class="facts">
      <dt><t:s key="pl.col_party"/></dt>
      <dd>
        <xsl:value-of select="$p/name"/>
        <span class="ptype">
          <t:label set="party" select="$p/@type"/>
          <xsl:if test="string($p/@code)">
            <xsl:text> · </xsl:text>
            <xsl:value-of select="$p/@code"/>
          </xsl:if>
        </span>
      </dd>
      <dt><t:s key="pl.col_text"/></dt>
      <dd>
        <a href="{$base}templates/{$tp/@id}"><xsl:value-of select="$tp/title"/></a>
        <span class="ptype">
          <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="$tp/@version"/></t:arg></t:s>
        </span>
        <xsl:text> · </xsl:text>
        <a href="{$base}templates/{$tp/@id}/print?{$pq}"><t:s key="sign.print"/></a>
      </dd>
      <dt><t:s key="sign.current"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$cur">
            <t:s key="sign.current_is">
              <t:arg name="date"><a href="{$base}signings/{$cur/@id}"><xsl:value-of select="$cur/@signed"/></a></t:arg>
            </t:s>
          </xsl:when>
          <xsl:otherwise><t:s key="sign.current_none"/></xsl:otherwise>
        </xsl:choose>
      </dd>
    </dl>

    <xsl:if test="$conflict">
      <section class="conflict">
        <h2><t:s key="sign.conflict_title"/></h2>
        <p>
          <xsl:choose>
            <xsl:when test="$cur">
              <t:s key="sign.conflict_text">
                <t:arg name="date"><a href="{$base}signings/{$cur/@id}"><xsl:value-of select="$cur/@signed"/></a></t:arg>
              </t:s>
            </xsl:when>
            <xsl:otherwise><t:s key="sign.conflict_gone"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </section>
    </xsl:if>

    <!-- Tokens the user cannot fix: the form itself has gone stale. -->
    <xsl:if test="$f[@name = 'current_id' or @name = 'nonce'][string(@error)]">
      <p class="notice bad">
        <t:s key="pl.stale"/>
        <xsl:text> </xsl:text>
        <a href="{$base}sign?kind={$kind}&amp;{$pq}"><t:s key="pl.reload"/></a>
      </p>
    </xsl:if>

    <xsl:if test="@scan-again = '1'">
      <p class="notice warn"><t:s key="sign.scan_again"/></p>
    </xsl:if>

    <form class="sign" method="post" action="{$base}sign" enctype="multipart/form-data"
        autocomplete="off" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'kind'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'party_type'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'party_id'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'template_id'"/></xsl:call-template>

      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'signer_name'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint">
          <xsl:choose>
            <xsl:when test="$p/@type = 'unit'"><t:s key="sign.hint_signer_unit"/></xsl:when>
            <xsl:otherwise><t:s key="sign.hint_signer"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'signer_title'"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'signed_date'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="sign.hint_date"/></xsl:with-param>
      </xsl:call-template>

      <!-- a person signs without a seal: no box, sealed stays 0 -->
      <xsl:variable name="sf" select="$f[@name = 'sealed']"/>
      <xsl:if test="$p/@type != 'person'">
        <xsl:call-template name="check-row">
          <xsl:with-param name="name" select="'sealed'"/>
          <xsl:with-param name="box"><t:s key="sign.sealed_box"/></xsl:with-param>
        </xsl:call-template>
      </xsl:if>

      <div class="field">
        <xsl:if test="$scanmsg">
          <xsl:attribute name="class">field invalid</xsl:attribute>
        </xsl:if>
        <label for="f-scan"><t:s key="field.scan"/><span class="req" aria-hidden="true">*</span></label>
        <div class="input">
          <input type="file" id="f-scan" name="scan" required="required"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png">
            <xsl:if test="$scanmsg">
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
              <xsl:attribute name="aria-describedby">e-scan</xsl:attribute>
            </xsl:if>
          </input>
          <xsl:if test="$scanmsg">
            <p class="ferr" id="e-scan">
              <xsl:call-template name="msg-text">
                <xsl:with-param name="name" select="'scan'"/>
                <xsl:with-param name="code" select="$scanmsg/@code"/>
              </xsl:call-template>
            </p>
          </xsl:if>
          <p class="hint">
            <t:s key="sign.hint_scan"><t:arg name="n"><xsl:call-template name="max-mib"/></t:arg></t:s>
          </p>
        </div>
      </div>

      <!-- on a 409 the C side has put the signing current now here -->
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'current_id'"/></xsl:call-template>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>

      <p class="formbuttons">
        <button type="submit">
          <xsl:choose>
            <xsl:when test="$conflict"><t:s key="sign.submit_again"/></xsl:when>
            <xsl:otherwise><t:s key="sign.submit"/></xsl:otherwise>
          </xsl:choose>
        </button>
        <xsl:choose>
          <xsl:when test="$p/@type = 'vendor'">
            <a href="{$base}vendors/{$p/@id}"><t:s key="sign.cancel"/></a>
          </xsl:when>
          <xsl:otherwise>
            <a href="{$base}units/{$p/@unit-id}"><t:s key="sign.cancel"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </form>
  </xsl:template>

  <!-- The scan's limit in MiB (data/@max-scan is in bytes). -->
  <xsl:template name="max-mib">
    <xsl:value-of select="floor(/page/data/@max-scan div 1048576)"/>
  </xsl:template>

  <!-- The widgets' hook: a signing date after today, and the scan (required, too large). -->
  <xsl:template name="msg-own">
    <xsl:param name="name"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'future' and $name = 'signed_date'">
        <t:s key="sign.future"/>
      </xsl:when>
      <xsl:when test="$code = 'required' and $name = 'scan'">
        <t:s key="sign.scan_required"/>
      </xsl:when>
      <xsl:when test="$code = 'too_large' and $name = 'scan'">
        <t:s key="sign.scan_too_large"><t:arg name="n"><xsl:call-template name="max-mib"/></t:arg></t:s>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
form.sign{max-width:42rem}
.field input[type=file]{border:0;padding-left:0}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
