package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** knative/ is the Helm chart rendered with its default values, by the real Helm engine; nobody keeps a second copy by hand. */
class ChartRendersKnativeTest {

    @Test
    void theDefaultRenderingIsExactlyWhatKnativeHolds() {
        Map<String, String> rendered = new TreeMap<>(ChartRenderer.render(Manifests.CHART, Map.of()));
        Map<String, String> onDisk = new TreeMap<>(Manifests.knativeFiles());
        onDisk.remove(RenderManifests.NOT_GENERATED);
        assertEquals(rendered.keySet(), onDisk.keySet(), "knative/ is out of date with infra/helm: run infra/bin/render-manifests");
        rendered.forEach((file, text) -> assertEquals(text, onDisk.get(file),
                "knative/" + file + " differs from the chart's rendering: run infra/bin/render-manifests"));
    }

    @Test
    void valuesChangeWhatIsRendered() {
        Map<String, String> rendered = ChartRenderer.render(Manifests.CHART, Map.of(
                "image.tag", "1.2.3",
                "migration.moviesPercent", "50",
                "dynamodb.endpoint", "http://dynamodb-local:8000",
                "istio.enabled", "false",
                "functions.events.enabled", "false"));
        String gateway = rendered.get("serving/gateway.yaml");
        assertTrue(gateway.contains("image: ghcr.io/cinemaabyss/gateway:1.2.3"), gateway);
        assertTrue(gateway.contains("- name: MOVIES_MIGRATION_PERCENT\n              value: \"50\""), gateway);
        assertTrue(rendered.get("serving/catalog.yaml").contains("- name: DYNAMODB_ENDPOINT\n              value: http://dynamodb-local:8000"));
        assertFalse(rendered.keySet().stream().anyMatch(f -> f.startsWith("istio/")), "istio off renders no Istio resources");
        assertFalse(rendered.containsKey("serving/events.yaml"));
        assertFalse(rendered.keySet().stream().anyMatch(f -> f.contains("-to-events")), "no subscriptions for a disabled function");
        assertTrue(rendered.containsKey("eventing/movie-changes-to-catalog.yaml"));
    }

    /** The variable names are the ones identity's SsoSettingsTest binds: CINEMAABYSS_IDENTITY_SSO_PROVIDERS_<NAME>_<FIELD>. */
    @Test
    void anSsoProviderRendersIdentitysVariablesWithItsSecretFromASecret() {
        String identity = ChartRenderer.render(Manifests.CHART, Map.of(
                "identity.sso.providers.corp.issuer", "https://login.example.com/realms/cinema",
                "identity.sso.providers.corp.clientId", "cinemaabyss",
                "identity.sso.providers.corp.redirectUri", "https://cinemaabyss.example.com/api/auth/sso/corp/callback",
                "identity.sso.providers.corp.clientSecretSecret", "identity-sso-corp")).get("serving/identity.yaml");
        assertTrue(identity.contains("- name: CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_ISSUER\n              value: \"https://login.example.com/realms/cinema\""), identity);
        assertTrue(identity.contains("- name: CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_CLIENTID\n              value: \"cinemaabyss\""), identity);
        assertTrue(identity.contains("- name: CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_REDIRECTURI\n"), identity);
        assertTrue(identity.contains("- name: CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_CLIENTSECRET\n              valueFrom:\n                secretKeyRef:\n"
                + "                  name: identity-sso-corp\n                  key: client-secret"), identity);
        assertFalse(identity.contains("SCOPES"), "no scopes given: identity's default");
        assertTrue(Manifests.docs(Map.of("identity.yaml", identity)).stream().allMatch(d -> TypedModelsTest.check(d).isEmpty()));
        assertFalse(ChartRenderer.render(Manifests.CHART, Map.of()).get("serving/identity.yaml").contains("SSO"), "no provider by default");
    }

    @Test
    void aCanarySplitsTrafficBetweenTheStableAndTheNewestRevision() {
        String catalog = ChartRenderer.render(Manifests.CHART, Map.of(
                "functions.catalog.canary.stableRevision", "catalog-00007",
                "functions.catalog.canary.percent", "20")).get("serving/catalog.yaml");
        assertTrue(catalog.contains("- revisionName: catalog-00007\n      percent: 80\n      tag: stable"), catalog);
        assertTrue(catalog.contains("- latestRevision: true\n      percent: 20\n      tag: canary"), catalog);
        assertTrue(Manifests.docs(Map.of("catalog.yaml", catalog)).stream().allMatch(d -> TypedModelsTest.check(d).isEmpty()));
    }
}
