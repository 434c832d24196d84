<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/unit.xsl — one unit's pledges: where it (and each of its persons)
  stands with every kind it must sign, every signing the unit made, its
  persons, and the form that adds a person (when the account may).
  data: <unit id code writable><name/></unit>, <kinds …/>,
        <parties><party kind party-type party-id unit-id code status …><name/></party>…</parties>
          (coverage rows: see coverage.xsl),
        <signings><signing id kind party-type party-id unit-id template-id version
          signed sealed current superseded-by created-at created-by><title/>
          <signer name title/><scan id mime size sha256/>?</signing>…</signings>,
        <persons><person id staff-no active><name/></person>…</persons>,
        <form><field name max error?>value</field>…</form>? (name, staff_no, nonce)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <xsl:value-of select="/page/data/unit/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="punit.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="u" select="unit"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="pl.back"/></a>
      <xsl:if test="$all = '1'">
        <xsl:text> · </xsl:text>
        <a href="{$base}?status=all&amp;unit={$u/@id}"><t:s key="punit.in_coverage"/></a>
      </xsl:if>
      <!-- the unit's responsible persons, on a site that runs registration -->
      <xsl:if test="/page/nav/item[@module = 'registration']">
        <xsl:text> · </xsl:text>
        <a href="/registration/{$u/@id}"><t:s key="punit.registration"/></a>
      </xsl:if>
    </p>
    <h1>
      <xsl:call-template name="unit-label">
        <xsl:with-param name="name" select="$u/name"/>
        <xsl:with-param name="code" select="$u/@code"/>
      </xsl:call-template>
    </h1>

    <h2><t:s key="punit.status"/></h2>
    <xsl:choose>
      <xsl:when test="parties/party">
        <div class="tablewrap">
          <table class="coverage">
            <thead>
              <xsl:call-template name="cells-head"/>
            </thead>
            <tbody>
              <xsl:for-each select="parties/party">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">overdue</xsl:attribute>
                  </xsl:if>
                  <xsl:apply-templates select="." mode="cells"/>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="punit.none_required"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="kinds/kind[@resign = '1']">
      <p class="small muted">
        <t:s key="punit.resign_rule"><t:arg name="days"><xsl:value-of select="kinds/@resign-days"/></t:arg></t:s>
      </p>
    </xsl:if>

    <h2><t:s key="punit.signings"/></h2>
    <xsl:choose>
      <xsl:when test="signings/signing">
        <xsl:call-template name="signings">
          <xsl:with-param name="rows" select="signings/signing"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="punit.signings_none"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <!-- the letters only some units sign; the office decides which -->
    <h2 id="requirements"><t:s key="punit.requirements"/></h2>
    <p class="small muted"><t:s key="punit.requirements_intro"/></p>
    <xsl:variable name="office" select="/page/account/@role = 'office'"/>
    <xsl:choose>
      <xsl:when test="requirements/kind">
        <ul class="reqs">
          <xsl:for-each select="requirements/kind">
            <li>
              <t:label set="plkind" select="@code"/>
              <xsl:if test="$office">
                <xsl:text> </xsl:text>
                <form class="inline" method="post" action="{$base}units/{$u/@id}/requirements">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="kind" value="{@code}"/>
                  <input type="hidden" name="action" value="remove"/>
                  <button type="submit" class="small"><t:s key="punit.req_remove"/></button>
                </form>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="punit.req_none"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$office">
      <form class="inline" method="post" action="{$base}units/{$u/@id}/requirements">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="action" value="add"/>
        <label>
          <t:s key="punit.req_add"/>
          <select name="kind">
            <xsl:for-each select="kinds/kind[@code = 'letter1' or @code = 'website' or @code = 'cloud_vm' or @code = 'hosted_server']">
              <option value="{@code}"><t:label set="plkind" select="@code"/></option>
            </xsl:for-each>
          </select>
        </label>
        <button type="submit"><t:s key="punit.req_add_submit"/></button>
      </form>
    </xsl:if>

    <h2 id="persons"><t:s key="punit.persons"/></h2>
    <p class="small muted"><t:s key="punit.persons_intro"/></p>
    <xsl:choose>
      <xsl:when test="persons/person">
        <div class="tablewrap">
          <table class="persons">
            <thead>
              <tr>
                <th scope="col"><t:s key="field.name"/></th>
                <th scope="col"><t:s key="field.staff_no"/></th>
                <th scope="col"><t:s key="pl.col_status"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="persons/person">
                <tr>
                  <td><xsl:value-of select="name"/></td>
                  <td class="code"><xsl:value-of select="@staff-no"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@active = '1'"><t:s key="punit.active"/></xsl:when>
                      <xsl:otherwise><span class="muted"><t:s key="punit.inactive"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="punit.persons_none"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:if test="form">
      <h3><t:s key="punit.add_person"/></h3>
      <xsl:if test="form/field[@name = 'nonce'][string(@error)]">
        <p class="notice bad">
          <t:s key="pl.stale"/>
          <xsl:text> </xsl:text>
          <a href="{$base}units/{$u/@id}#persons"><t:s key="pl.reload"/></a>
        </p>
      </xsl:if>
      <form class="person" method="post" action="{$base}units/{$u/@id}/persons" autocomplete="off" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="field-row">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="field-row">
          <xsl:with-param name="name" select="'staff_no'"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="hint"><t:s key="punit.hint_staff_no"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="hidden">
          <xsl:with-param name="name" select="'nonce'"/>
        </xsl:call-template>
        <p class="formbuttons">
          <button type="submit"><t:s key="punit.add_submit"/></button>
        </p>
      </form>
    </xsl:if>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
table.signings tr.old td{color:var(--muted)}
form.person{max-width:42rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
