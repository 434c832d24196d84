<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/signing.xsl — one signing: the kind and version signed, the party,
  the signer, the date, the seal, whether it is current or superseded (and
  by which), who recorded it, and the scan (type, size, SHA-256, download).
  data: <signing id kind party-type party-id unit-id template-id version signed
          sealed current superseded-by created-at created-by><title/>
          <signer name title/><scan id mime size sha256/>?
          <party unit-id code><name/></party></signing>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="signing.title"/>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="/page/data/signing/party/name"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="s" select="signing"/>
    <xsl:variable name="p" select="$s/party"/>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="pl.back"/></a>
      <xsl:text> › </xsl:text>
      <xsl:choose>
        <xsl:when test="$s/@party-type = 'vendor'">
          <a href="{$base}vendors/{$s/@party-id}"><xsl:value-of select="$p/name"/></a>
        </xsl:when>
        <xsl:otherwise>
          <a href="{$base}units/{$p/@unit-id}"><t:s key="pl.unit_page"/></a>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <h1>
      <t:label set="plkind" select="$s/@kind"/>
      <span class="sub"><t:s key="signing.title"/></span>
    </h1>

    <dl class="facts">
      <dt><t:s key="pl.col_party"/></dt>
      <dd>
        <xsl:value-of select="$p/name"/>
        <span class="ptype">
          <t:label set="party" select="$s/@party-type"/>
          <xsl:if test="string($p/@code)">
            <xsl:text> · </xsl:text>
            <xsl:value-of select="$p/@code"/>
          </xsl:if>
        </span>
      </dd>
      <dt><t:s key="pl.col_text"/></dt>
      <dd>
        <a href="{$base}templates/{$s/@template-id}"><xsl:value-of select="$s/title"/></a>
        <span class="ptype">
          <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="$s/@version"/></t:arg></t:s>
        </span>
        <xsl:text> · </xsl:text>
        <a href="{$base}templates/{$s/@template-id}/print?{$s/@party-type}={$s/@party-id}"><t:s key="sign.print"/></a>
      </dd>
      <dt><t:s key="field.signer_name"/></dt>
      <dd><xsl:value-of select="$s/signer/@name"/></dd>
      <dt><t:s key="field.signer_title"/></dt>
      <dd>
        <xsl:value-of select="$s/signer/@title"/>
        <xsl:if test="not(string($s/signer/@title))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="field.signed_date"/></dt>
      <dd><xsl:value-of select="$s/@signed"/></dd>
      <dt><t:s key="field.sealed"/></dt>
      <dd>
        <xsl:call-template name="yes-no"><xsl:with-param name="on" select="$s/@sealed"/></xsl:call-template>
      </dd>
      <dt><t:s key="pl.col_state"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$s/@current = '1'">
            <span class="chip chip-ok"><t:s key="pl.current"/></span>
          </xsl:when>
          <xsl:when test="$s/@superseded-by != '0'">
            <t:s key="signing.superseded_by">
              <t:arg name="link"><a href="{$base}signings/{$s/@superseded-by}"><t:s key="signing.newer"/></a></t:arg>
            </t:s>
          </xsl:when>
          <xsl:otherwise><t:s key="pl.superseded"/></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><t:s key="signing.recorded"/></dt>
      <dd>
        <t:s key="signing.recorded_by">
          <t:arg name="at"><xsl:value-of select="substring($s/@created-at, 1, 16)"/></t:arg>
          <t:arg name="by"><xsl:value-of select="$s/@created-by"/></t:arg>
        </t:s>
      </dd>
    </dl>

    <h2><t:s key="field.scan"/></h2>
    <xsl:choose>
      <xsl:when test="$s/scan">
        <dl class="facts">
          <dt><t:s key="signing.scan_type"/></dt>
          <dd>
            <xsl:value-of select="translate(substring-after($s/scan/@mime, '/'), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
            <span class="ptype"><code><xsl:value-of select="$s/scan/@mime"/></code></span>
          </dd>
          <dt><t:s key="signing.scan_size"/></dt>
          <dd>
            <xsl:call-template name="bytes">
              <xsl:with-param name="n" select="number($s/scan/@size)"/>
            </xsl:call-template>
            <span class="ptype">
              <t:s key="signing.bytes"><t:arg name="n"><xsl:value-of select="format-number($s/scan/@size, '#,##0')"/></t:arg></t:s>
            </span>
          </dd>
          <dt><t:s key="signing.sha256"/></dt>
          <dd><code class="hash"><xsl:value-of select="$s/scan/@sha256"/></code></dd>
        </dl>
        <p class="actions">
          <a class="button" href="{$base}signings/{$s/@id}/scan"><t:s key="signing.download"/></a>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="signing.no_scan"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:if test="$s/@current = '1' and $can-sign = '1'
        and ($s/@party-type != 'vendor' or /page/account/@role = 'office')">
      <p class="actions">
        <a class="button secondary" href="{$base}sign?kind={$s/@kind}&amp;{$s/@party-type}={$s/@party-id}"><t:s key="signing.again"/></a>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
code.hash{overflow-wrap:anywhere;font-size:.85rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
