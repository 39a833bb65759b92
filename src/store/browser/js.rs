//! IndexedDB and WebCrypto as futures: requests and transactions become
//! promises, JavaScript errors become words, values are sealed with AES-GCM.
//!
//! Must not know the store's layout or its semantics.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, IdbRequest, IdbTransaction, SubtleCrypto};

/// AES-GCM's nonce: 96 bits, random for each value sealed.
const IV_LEN: usize = 12;

/// What went wrong in JavaScript, in words.
pub fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "an unknown browser error".to_owned())
}

/// A request being watched. Its handlers are set when it is made, before the
/// page's event loop can run, so that no answer is missed.
pub struct Watched {
    request: IdbRequest,
    answered: JsFuture,
}

pub fn watch(request: &IdbRequest) -> Watched {
    let answered = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    Watched {
        request: request.clone(),
        answered: JsFuture::from(answered),
    }
}

impl Watched {
    /// The request's result, or its error in words.
    pub async fn result(self) -> Result<JsValue, String> {
        let answered = self.answered.await;
        self.request.set_onsuccess(None);
        self.request.set_onerror(None);
        match answered {
            Ok(_) => self.request.result().map_err(|e| describe(&e)),
            Err(_) => Err(match self.request.error() {
                Ok(Some(e)) => describe(&e),
                _ => "an IndexedDB request failed".to_owned(),
            }),
        }
    }
}

/// Resolves once the transaction has committed; fails if it aborts.
/// Watch it as soon as it is made, as for a request.
pub fn committed(
    transaction: &IdbTransaction,
) -> impl std::future::Future<Output = Result<(), String>> {
    let done = JsFuture::from(Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    }));
    let transaction = transaction.clone();
    async move {
        let done = done.await;
        transaction.set_oncomplete(None);
        transaction.set_onerror(None);
        transaction.set_onabort(None);
        done.map(|_| ()).map_err(|_| match transaction.error() {
            Some(e) => describe(&e),
            None => "an IndexedDB transaction was aborted".to_owned(),
        })
    }
}

/// The page's WebCrypto, which browsers offer on secure pages only.
pub fn subtle_crypto() -> Result<SubtleCrypto, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let subtle = window.crypto().map_err(|e| describe(&e))?.subtle();
    if JsValue::from(subtle.clone()).is_undefined() {
        return Err("WebCrypto is only offered on pages served over HTTPS".to_owned());
    }
    Ok(subtle)
}

/// A new AES-GCM key that the page can use but never read or export.
pub async fn generate_key(subtle: &SubtleCrypto) -> Result<CryptoKey, String> {
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let params = AesKeyGenParams::new("AES-GCM", 256);
    let promise = subtle
        .generate_key_with_object(&params, false, &usages)
        .map_err(|e| describe(&e))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| describe(&e))?
        .dyn_into::<CryptoKey>()
        .map_err(|_| "WebCrypto did not make a key".to_owned())
}

fn gcm_params(iv: &[u8], place: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data_u8_array(&Uint8Array::from(place));
    params
}

/// Seals `plain` for `place`: a random nonce, then the ciphertext and tag.
pub async fn seal(
    subtle: &SubtleCrypto,
    key: &CryptoKey,
    place: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, String> {
    let mut iv = [0u8; IV_LEN];
    getrandom::fill(&mut iv).map_err(|e| format!("no random numbers: {e}"))?;
    let promise = subtle
        .encrypt_with_object_and_js_u8_array(&gcm_params(&iv, place), key, &Uint8Array::from(plain))
        .map_err(|e| describe(&e))?;
    let sealed = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    let mut out = iv.to_vec();
    out.extend(Uint8Array::new(&sealed).to_vec());
    Ok(out)
}

/// Starts opening a value sealed for `place`; `None` if it is too short to
/// be one. Many can run at once: the store opens everything at start.
pub fn open(
    subtle: &SubtleCrypto,
    key: &CryptoKey,
    place: &[u8],
    sealed: &[u8],
) -> Option<impl std::future::Future<Output = Option<Vec<u8>>>> {
    let (iv, body) = sealed.split_at_checked(IV_LEN)?;
    let promise = subtle
        .decrypt_with_object_and_js_u8_array(&gcm_params(iv, place), key, &Uint8Array::from(body))
        .ok()?;
    let opening = JsFuture::from(promise);
    Some(async move {
        opening
            .await
            .ok()
            .map(|plain| Uint8Array::new(&plain).to_vec())
    })
}

/// Takes the page-wide lock `name` (Web Locks), waiting at most `patience`
/// for another page to let it go: a reloaded page's predecessor frees it as
/// it unloads. Returns the function that frees it, or `None` if another page
/// holds it. Browsers without Web Locks get a free function: no guard there.
pub async fn exclusive_lock(
    name: &str,
    patience: std::time::Duration,
) -> Result<Option<js_sys::Function>, String> {
    use futures_util::future::{select, Either};
    use js_sys::{Function, Reflect};
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window().ok_or("no browser window")?;
    let locks = Reflect::get(&window.navigator(), &"locks".into()).map_err(|e| describe(&e))?;
    if locks.is_undefined() {
        return Ok(Some(Function::default()));
    }
    let request: Function = Reflect::get(&locks, &"request".into())
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "navigator.locks.request is not a function".to_owned())?;
    let (granted, grant) = futures_channel::oneshot::channel::<Function>();
    // Called once the lock is ours; the lock is held until the promise it
    // returns settles, that is until `release` is called.
    let on_grant = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let mut release = None;
        let held = Promise::new(&mut |resolve, _| release = Some(resolve));
        if let Some(release) = release {
            // Given up waiting: let it go at once.
            if let Err(release) = granted.send(release) {
                let _ = release.call0(&JsValue::NULL);
            }
        }
        held.into()
    });
    request
        .call2(&locks, &name.into(), &on_grant)
        .map_err(|e| describe(&e))?;
    let waited = futures_timer::Delay::new(patience);
    match select(grant, waited).await {
        Either::Left((Ok(release), _)) => Ok(Some(release)),
        Either::Left((Err(_), _)) => Err("the lock request was dropped".to_owned()),
        Either::Right(_) => Ok(None),
    }
}
